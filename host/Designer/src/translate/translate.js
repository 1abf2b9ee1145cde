import zhCN from './zh-CN';

/**
 * translate(template, replacements): the zh-CN text of an English template when the
 * dictionary has one (the English otherwise), with {placeholders} filled in.
 *
 * @param {string} template
 * @param {Object} [replacements]
 *
 * @return {string}
 */
export default function translate(template, replacements) {
  replacements = replacements || {};

  const text = Object.prototype.hasOwnProperty.call(zhCN, template) ? zhCN[template] : template;

  return text.replace(/{([^}]+)}/g, (match, key) => {
    return Object.prototype.hasOwnProperty.call(replacements, key) ? replacements[key] : match;
  });
}
