/** DescribeRegions: the ten Smartag regions with their endpoints and display names. */
import { describeRegions, type RegionLanguage } from '../../model/regions';
import { defineOperation } from '../operation';

interface DescribeRegionsParams {
  AcceptLanguage?: string;
}

/** zh-CN is the documented default; any other language than en-US (ja included) answers in English. */
function languageOf(acceptLanguage: string | undefined): RegionLanguage {
  if (acceptLanguage === undefined || acceptLanguage === 'zh-CN') return 'zh-CN';
  return 'en-US';
}

export default defineOperation<DescribeRegionsParams>({
  action: 'DescribeRegions',
  handle(params) {
    const regions = describeRegions(languageOf(params.AcceptLanguage));
    return {
      Regions: {
        Region: regions.map((region) => ({
          RegionId: region.regionId,
          RegionEndpoint: region.endpoint,
          LocalName: region.localName,
        })),
      },
    };
  },
});
