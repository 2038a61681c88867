/**
 * Replays what the Terraform provider does for alicloud_sag_client_user
 * (resource_alicloud_sag_client_user.go, service_alicloud_sag.go) with
 * several users on one instance, in the Go SDK's wire shape against a strict
 * emulator with the default fixtures.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

/** The documented sample's source SAG APP instance, with 4 users already (fixtures/default.json). */
const SAG = 'sag-m9uhqekwnqcnyy****';

/** DescribeSagClientUser: the instance's users by SmartAGId only (the first page), matched by UserName. */
function readUser(provider: Provider, id: string) {
  const [sagId, userName] = splitId(id);
  return readAs(async () => (await provider.call('DescribeSmartAccessGatewayClientUsers', { SmartAGId: sagId })).Users.User
    .find((user: { UserName: string }) => user.UserName === userName));
}

t.test('alicloud_sag_client_user: several users on one instance', async (t) => {
  const provider = await startProvider(t, { region: 'cn-shanghai' });
  const configured = [
    { UserMail: 'tf-user1@example.com', Bandwidth: 20, UserName: 'tf-user-one', Password: 'Passw0rd-tf1', ClientIp: '192.168.10.30' },
    { UserMail: 'tf-user2@example.com', Bandwidth: 50, UserName: 'tf-user-two', Password: 'Passw0rd-tf2', ClientIp: undefined },
    // No user_name: the mail becomes the name, and the id is built from the answer's UserName.
    { UserMail: 'tf-user3@example.com', Bandwidth: 100, UserName: undefined, Password: undefined, ClientIp: undefined },
  ];
  const ids: string[] = [];
  for (const user of configured) {
    const answer = await provider.call('CreateSmartAccessGatewayClientUser', { SmartAGId: SAG, ...user });
    const id = compositeId(SAG, answer.UserName);
    ids.push(id);
    t.match(await readUser(provider, id), { UserName: user.UserName ?? user.UserMail, UserMail: user.UserMail, Bandwidth: user.Bandwidth, ClientIp: user.ClientIp ?? '' },
      `read after create of ${id}`);
  }
  const [sagId, userName] = splitId(ids[1]);
  await provider.call('ModifySmartAccessGatewayClientUser', { SmartAGId: sagId, UserName: userName, Bandwidth: 80 });
  t.equal((await readUser(provider, ids[1]))?.Bandwidth, 80, 'read after update');
  t.equal((await readUser(provider, ids[0]))?.Bandwidth, 20, 'the other users are untouched');
  for (const id of ids) {
    const [sag, name] = splitId(id);
    await provider.call('DeleteSmartAccessGatewayClientUser', { SmartAGId: sag, UserName: name });
    await expectGoneAtFirstPoll(t, `WaitForSagClientUser ${id}`, () => readUser(provider, id));
  }
});
