import zhCN from './zh-CN';
import eventPaletteTexts from '../event-palette/zh-CN';

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

  const own = (dictionary) => Object.prototype.hasOwnProperty.call(dictionary, template);
  const text = own(zhCN) ? zhCN[template] : own(eventPaletteTexts) ? eventPaletteTexts[template] : template;

  return text.replace(/{([^}]+)}/g, (match, key) => {
    return Object.prototype.hasOwnProperty.call(replacements, key) ? replacements[key] : match;
  });
}
