// Shared by the idempotency tests: their mutation documents, and a slow link to S3 that widens the window
// a racing request can slip into.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A slow link to the real S3 server: every object copy waits `delayMs` before it is forwarded, so the
 * time between writing an avatar's row and copying its reference is long enough for the other racers
 * to arrive in it (without it, whether a loser slips in depends on the machine's load).
 */
export async function slowCopies(target: string, delayMs: number): Promise<{ server: Server; url: string }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const forward = () => {
      const upstream = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (req.headers['x-amz-copy-source']) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const RESULT = `__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }`;
export const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { ${RESULT}
  ... on MutationGenerateImageSuccess { data { id status prompt } } } }`;
export const EDIT = `mutation($input: EditImageInput!) { editImage(input: $input) { ${RESULT}
  ... on MutationEditImageSuccess { data { id status prompt } } } }`;
export const CREATE_AVATAR = `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) { ${RESULT}
  ... on MutationCreateAvatarSuccess { data { id status name } } } }`;
export const CREATE_BROLL = `mutation($input: CreateBRollInput!) { createBRoll(input: $input) { ${RESULT}
  ... on MutationCreateBRollSuccess { data { id status name } } } }`;
