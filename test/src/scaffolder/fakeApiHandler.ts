import { http, HttpHandler, HttpResponse } from 'msw';

/**
 * One msw handler for every request under a fake forge's API base. A fake that throws is a
 * bug in the test, not an answer of the forge: it is recorded in `violations` (which the
 * tests assert empty) and answered with a 500.
 */
export function catchAllApiHandler(
  apiBase: string,
  violations: string[],
  handle: (request: Request) => Promise<Response>,
): HttpHandler {
  return http.all(
    new RegExp(`^${apiBase.replace(/\./g, '\\.')}/`),
    async ({ request }) => {
      try {
        return await handle(request);
      } catch (error) {
        violations.push(
          `${request.method} ${request.url}: the fake failed: ${error}`,
        );
        return HttpResponse.json({ message: String(error) }, { status: 500 });
      }
    },
  );
}
