import mermaid from 'mermaid';

/**
 * Draw one mermaid block from its kept source (`data-source`) in the current
 * theme. A diagram with a syntax error keeps its source visible and is marked
 * `data-mermaid="error"`.
 */
export async function renderMermaid(block: HTMLElement): Promise<void> {
  const source = block.dataset.source ?? block.textContent ?? '';
  const dark = document.documentElement.dataset.theme === 'dark';
  // Mermaid sizes every box from text it measures away from the page (in a hidden element under
  // <body>) and the text is then drawn inside this block: with `inherit`, the two inherit different
  // fonts (the body's serif, the block's monospace) and labels were clipped ("Biolog" in a box
  // measured for "Biology"). So mermaid gets the block's resolved font, loaded before it measures.
  const fontFamily = getComputedStyle(block).fontFamily;
  await document.fonts.load(`16px ${fontFamily}`).catch(() => undefined);
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', fontFamily });
  try {
    const { svg } = await mermaid.render(`garden-mermaid-${Math.random().toString(36).slice(2)}`, source);
    block.innerHTML = svg;
    block.dataset.mermaid = 'drawn';
    block.setAttribute('role', 'img');
    block.setAttribute('aria-label', 'Diagram');
  } catch {
    block.textContent = source;
    block.dataset.mermaid = 'error';
  }
}
