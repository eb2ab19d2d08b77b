/// <reference lib="webworker" />
// Decodes, shrinks and checks picked files away from the page, so a 12 MP photo or a long PDF
// never freezes the tab on a cheap phone. One request at a time per message; see prepare.ts.
import { runPrepareTask, type PrepareRequest } from './prepare-tasks';

addEventListener('message', async (event: MessageEvent<{ id: number; request: PrepareRequest }>) => {
	const { id, request } = event.data;
	const answer = await runPrepareTask(request);
	postMessage({ id, answer });
});
