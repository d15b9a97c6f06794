import { HttpHandler } from 'msw';
import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import { failOnRequestsOffContract } from '../scaffolder/taskExpectations';
import { CHANGE_TEMPLATE, clusterEntityAt } from './clusterFolder';
import { changeOrdersSink, FILES, FOLDER } from './ordersSinkChange';

/**
 * The scaffolder with the change template, orders-sink in the catalog at its folder on the
 * forge (`blobUrl`: the forge's URL of a file on main, without the file), and the forge's fake
 * answering; a request off the forge's contract fails the test that sent it. `change` runs
 * the change template on orders-sink.
 */
export function useOrdersSinkOnForge(
  forge: { handlers(): HttpHandler[]; violations: string[] },
  blobUrl: string,
) {
  const location = `url:${blobUrl}/${FOLDER}/catalog-info.yaml`;
  const suite = useScaffolderSuite({
    handlers: forge.handlers(),
    templatePaths: [CHANGE_TEMPLATE],
    entities: () => [clusterEntityAt(location, FILES['catalog-info.yaml'])],
  });
  failOnRequestsOffContract(() => [forge.violations], suite);
  return {
    suite,
    change: (parameters: Record<string, unknown>) =>
      changeOrdersSink(suite.scaffolder, parameters),
  };
}
