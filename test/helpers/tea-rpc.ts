/**
 * The Terraform provider's second wire shape: resources written in the newer
 * style (alicloud_smartag_flow_log) call through the tea RPC client
 * (github.com/alibabacloud-go/tea-rpc, `conn.DoRequest(action, nil, "POST",
 * version, "AK", nil, request, runtime)`): POST /, the common parameters
 * (Action, Format=json, Version, AccessKeyId, SignatureMethod, SignatureType
 * empty, SignatureVersion, SignatureNonce, Timestamp, Signature) in the query,
 * the request fields as a form body, one v1 signature over both. Integers
 * travel as their decimal text; an empty string is sent empty.
 */
import http from 'node:http';
import type { Test } from 'tap';
import { startEmulator } from '../../src/index';
import { encodeForm, signedV1Params } from '../../src/protocol/signing';
import { checkResponse } from '../../src/spec/response-check';
import { ProviderError, type Body, type Fields, type Provider, type ProviderAnswer } from './terraform';

/** A strict emulator with the given fixtures, and the tea RPC client of the provider's region. */
export async function startTeaRpcProvider(t: Test, options: { region?: string; fixtures?: string | null } = {}): Promise<Provider> {
  const emulator = await startEmulator({ auth: 'strict', ...(options.fixtures === undefined ? {} : { fixtures: options.fixtures }) });
  t.teardown(() => emulator.close());
  const region = options.region ?? 'cn-hangzhou';
  const send = (action: string, fields: Fields): Promise<ProviderAnswer> => {
    // The provider sets RegionId in every request map itself.
    const body: Record<string, string> = { RegionId: region };
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) body[name] = String(value);
    const signed = signedV1Params({
      accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, method: 'POST', action, version: '2018-03-13',
      format: 'json', params: { SignatureType: '', ...body },
    });
    const query = Object.fromEntries(Object.entries(signed).filter(([name]) => !(name in body)));
    const payload = encodeForm(body);
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1', port: emulator.port, method: 'POST', path: `/?${encodeForm(query)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(payload) },
      }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Body }));
      });
      request.on('error', reject);
      request.end(payload);
    });
  };
  return {
    emulator,
    region,
    send,
    async call(action, fields) {
      const answer = await send(action, fields);
      if (answer.status !== 200) throw new ProviderError(answer.status, answer.body.Code, answer.body.Message);
      const problems = checkResponse(action, answer.body);
      if (problems.length > 0) throw new Error(`${action} answered outside its documented schema: ${problems.join('; ')}`);
      return answer.body;
    },
  };
}
