/** The Smartag regions: which RegionId an operation acts in, and their display names. */
import { apiError } from '../protocol/errors';
import { endpoints, regions } from '../spec';

/**
 * Where an operation whose RegionId is optional acts when none is given:
 * the region of the service's central endpoint.
 */
export const DEFAULT_REGION_ID = 'cn-shanghai';

/** The RegionId a call acts in: a Smartag region, or InvalidRegionID. */
export function regionOf(regionId: string | undefined): string {
  const region = regionId ?? DEFAULT_REGION_ID;
  if (!regions.includes(region)) throw apiError('InvalidRegionID');
  return region;
}

export type RegionLanguage = 'zh-CN' | 'en-US';

/** Display names, as the console shows them in each language. */
const LOCAL_NAMES: Readonly<Record<string, Record<RegionLanguage, string>>> = {
  'cn-shanghai': { 'zh-CN': '华东2（上海）', 'en-US': 'China (Shanghai)' },
  'cn-hongkong': { 'zh-CN': '中国香港', 'en-US': 'China (Hong Kong)' },
  'ap-southeast-1': { 'zh-CN': '新加坡', 'en-US': 'Singapore' },
  'ap-southeast-2': { 'zh-CN': '澳大利亚（悉尼）', 'en-US': 'Australia (Sydney)' },
  'ap-southeast-3': { 'zh-CN': '马来西亚（吉隆坡）', 'en-US': 'Malaysia (Kuala Lumpur)' },
  'ap-southeast-5': { 'zh-CN': '印度尼西亚（雅加达）', 'en-US': 'Indonesia (Jakarta)' },
  'ap-northeast-1': { 'zh-CN': '日本（东京）', 'en-US': 'Japan (Tokyo)' },
  'eu-central-1': { 'zh-CN': '德国（法兰克福）', 'en-US': 'Germany (Frankfurt)' },
  'cn-shanghai-finance-1': { 'zh-CN': '华东2 金融云', 'en-US': 'China East 2 Finance' },
  'cn-hangzhou': { 'zh-CN': '华东1（杭州）', 'en-US': 'China (Hangzhou)' },
};

export interface RegionInfo {
  regionId: string;
  endpoint: string;
  localName: string;
}

/** Every region, in the order of the service's endpoint list. */
export function describeRegions(language: RegionLanguage): RegionInfo[] {
  return endpoints.map(({ regionId, endpoint }) => ({ regionId, endpoint, localName: LOCAL_NAMES[regionId][language] }));
}
