const copiedFor = 1500;

/**
 * Give every code block (a `pre` with a `code` child, diagrams excluded) a
 * "Copy" button that puts the code on the clipboard. The block is wrapped in
 * `div.code-block` so the button stays put while the code scrolls sideways.
 */
export function addCopyButtons(root: HTMLElement): void {
  for (const pre of root.querySelectorAll<HTMLPreElement>('pre:not(.mermaid)')) {
    const code = pre.querySelector('code');
    if (!code || pre.parentElement?.classList.contains('code-block')) continue;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code');
    button.addEventListener('click', () => void copy(code.textContent ?? '', button));
    pre.replaceWith(wrapper);
    wrapper.append(pre, button);
  }
}

async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    ok = false;
  }
  button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
  button.dataset.state = ok ? 'copied' : 'failed';
  setTimeout(() => {
    button.textContent = 'Copy';
    delete button.dataset.state;
  }, copiedFor);
}
