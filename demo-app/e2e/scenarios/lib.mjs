// Small waits the scenarios share; each is bounded by the page's default timeout.

/** Waits until the page's status badge shows the state (open, reconnecting, ...). */
export async function status(page, state, timeout) {
  await page.locator(`#status[data-state="${state}"]`).waitFor({ timeout });
}

/** Waits until the element's whole text is exactly `text`. */
export async function text(page, selector, expected) {
  await page.waitForFunction(([s, want]) => document.querySelector(s)?.textContent.trim() === want,
    [selector, String(expected)]);
}

/** A name no other run uses, so scenarios never share a room, board or poll. */
export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
