/** Flow logs; messages verbatim from the metadata (the flow log operations share one error table). */
import type { CatalogueEntry } from './entry';

export const flowLogErrors = {
  'InvalidFlowLogId.NotFound': { status: 400, message: 'The specified FlowLogId does not exist.' },
  'MissingParam.FlowLogId': { status: 400, message: 'Specify the FlowLogId parameter.' },
  'InvalidSmartAGId.NotFound': { status: 400, message: 'The specified SmartAGId does not exist.' },
  'DependencyViolation.FlowLog': { status: 400, message: 'This FlowLog instance is bound to an SAG instance.' },
  'IncorrectStatus.FlowLog': { status: 400, message: 'The current FlowLog instance status does not support this operation.' },
  'OperationFailed.AssociateFlowLog': { status: 400, message: 'The operation failed. The specified SAG instance has already been associated with another FlowLog instance.' },
  'OperationUnsupported.AssociateFlowLog': { status: 400, message: 'You cannot bind the SAG device of the current version or model to a FlowLog instance.' },
  'QuotaExceeded.Flowlog': { status: 400, message: 'The maximum number of FlowLog instances is exceeded.' },
  'MissingParam.LogstoreName': { status: 400, message: 'Specify the LogstoreName parameter.' },
  'MissingParam.NetflowServerIp': { status: 400, message: 'Specify the NetflowServerIp parameter.' },
  'MissingParam.ProjectName': { status: 400, message: 'Specify the ProjectName parameter.' },
  'MissingParam.SlsRegionId': { status: 400, message: 'Specify the SlsRegionId parameter.' },
  'IllegalParam.ActiveAging': { status: 400, message: 'The specified ActiveAging is invalid.' },
  'IllegalParam.InactiveAging': { status: 400, message: 'The specified InactiveAging is invalid.' },
  'IllegalParam.NetflowServerIp': { status: 400, message: 'The specified NetflowServerIp is invalid.' },
  'IllegalParam.NetflowServerPort': { status: 400, message: 'The specified NetflowServerPort is invalid.' },
  'IllegalParam.NetflowVersion': { status: 400, message: 'The specified NetflowVersion is invalid.' },
  'IllegalParam.OutputType': { status: 400, message: 'The specified OutputType is invalid.' },
  'IllegalParam.SlsRegionId': { status: 400, message: 'The specified SlsRegionId is invalid.' },
  'IllegalParam.Status': { status: 400, message: 'The specified Status parameter is invalid.' },
} satisfies Record<string, CatalogueEntry>;
