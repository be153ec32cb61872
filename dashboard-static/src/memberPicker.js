// A member <select>: "auto" (value "") first, then every listed member; members not Up are offered but marked.
import { statusCategory, STATUS_TEXT } from './memberStatus.js';

export function fillMemberPicker(select, members) {
  const wanted = members.map(member => {
    const category = statusCategory(member.status);
    return { value: member.id, text: category === 'up' ? member.id : `${member.id} (${STATUS_TEXT[category]})` };
  });
  const current = [...select.options].slice(1).map(option => `${option.value}=${option.text}`);
  if (current.join() === wanted.map(option => `${option.value}=${option.text}`).join()) return;
  const selected = select.value;
  select.replaceChildren(select.options[0], ...wanted.map(option => new Option(option.text, option.value)));
  select.value = wanted.some(option => option.value === selected) ? selected : '';
}
