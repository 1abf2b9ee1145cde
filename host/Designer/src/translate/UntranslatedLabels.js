import translate from './translate';

/**
 * The properties panel draws its nested lists (a form field's values, constraints and properties) without the translate
 * service: bpmn-js-properties-panel does not hand `translate` to ListEntry, which then falls back to English ("Create",
 * "Create new list item", "List contains 2 items"). This puts the same dictionary over those labels as they appear,
 * changing the text node in place so the panel's own rendering keeps working.
 */
export default function UntranslatedLabels() {
  const fix = () => {
    document.querySelectorAll('.bio-properties-panel-add-entry-label').forEach(label => {
      const node = label.firstChild;

      if (node && node.nodeType === Node.TEXT_NODE) {
        const text = translate(node.data);

        if (text !== node.data) {
          node.data = text;
        }
      }
    });
    document.querySelectorAll('.bio-properties-panel [title]').forEach(element => {
      const title = element.getAttribute('title');
      const text = titleOf(title);

      if (text !== title) {
        element.setAttribute('title', text);
      }
    });
  };

  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
}

function titleOf(title) {
  const count = /^List contains (\d+) items?$/.exec(title);

  return count ? `共 ${ count[1] } 项` : translate(title);
}
