/**
 * What a person typed or picked in a server-rendered form before the scripts started (seconds
 * on 2G), kept through hydration. Svelte's hydration writes every `value=`, `selected` and
 * `open` it controls back into the DOM, erasing early input; a page calls
 * `keepEarlyInput(selector)` in its script (which runs before its markup is hydrated) and the
 * returned function in `onMount`, which puts back what differed from the server's defaults
 * and fires `input`/`change` so that bound state follows.
 */

let started = false;

/** Called once the app has hydrated (the root layout's onMount): later pages are rendered by the client. */
export function markAppStarted() {
	started = true;
	// Visible to tests and tools: taps from here on reach the app's handlers.
	document.documentElement.dataset.started = '';
}

type Saved =
	| { el: HTMLInputElement | HTMLTextAreaElement; value: string }
	| { el: HTMLInputElement; checked: boolean }
	| { el: HTMLSelectElement; selected: boolean[] } | { el: HTMLDetailsElement; open: boolean };

export function keepEarlyInput(selector: string): () => void {
	if (started || typeof document === 'undefined') return () => {};
	const root = document.querySelector(selector);
	if (!root) return () => {};
	const saved: Saved[] = [];
	for (const el of root.querySelectorAll('input, textarea, select, details')) {
		if (el instanceof HTMLSelectElement) {
			const selected = [...el.options].map((o) => o.selected);
			if ([...el.options].some((o, i) => selected[i] !== o.defaultSelected)) saved.push({ el, selected });
		} else if (el instanceof HTMLDetailsElement) {
			saved.push({ el, open: el.open }); // `open` reflects into the attribute: no default to compare with
		} else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			if (el.checked !== el.defaultChecked) saved.push({ el, checked: el.checked });
		} else if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.type !== 'hidden' && el.type !== 'file' && el.value !== el.defaultValue) {
			saved.push({ el, value: el.value });
		}
	}
	return () => {
		for (const s of saved) {
			if (!s.el.isConnected) continue;
			if ('open' in s) s.el.open = s.open;
			else if ('checked' in s) s.el.checked = s.checked;
			else if ('selected' in s) [...s.el.options].forEach((o, i) => (o.selected = s.selected[i] ?? false));
			else s.el.value = s.value;
			if (!('open' in s)) for (const type of ['input', 'change']) s.el.dispatchEvent(new Event(type, { bubbles: true }));
		}
	};
}
