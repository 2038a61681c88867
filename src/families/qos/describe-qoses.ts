/** DescribeQoses: the caller's QoS policies in one region, oldest first, filtered and paged. */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosView } from './views';

interface DescribeQosesParams {
  RegionId: string;
  /** Comma separated. */
  QosIds?: string;
  QosName?: string;
  PageSize?: number;
  PageNumber?: number;
}

const NONE: readonly string[] = [];

export default defineOperation<DescribeQosesParams>({
  action: 'DescribeQoses',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const { accountId } = context;
    const page = context.store.qoses.page({
      accountId,
      regionId: regionOf(params.RegionId),
      id: params.QosIds?.split(',').map((id) => id.trim()),
      name: params.QosName,
    }, window);
    const instances = context.store.associations.instancesOfEach(accountId, 'qos', page.rows.map((qos) => qos.id));
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      Qoses: { Qos: page.rows.map((qos) => qosView(qos, instances.get(qos.id) ?? NONE)) },
    };
  },
});
