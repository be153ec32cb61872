// Small helpers to build DOM nodes and tables without innerHTML.

/** document.createElement with a class and a text. */
export function element(tag, className = '', text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** A table row of cells; a cell is a text, or a Node placed as is. */
export function row(cells, className = '') {
  const tr = element('tr', className);
  tr.append(...cells.map(cell => {
    const td = element('td');
    if (cell instanceof Node) td.append(cell);
    else td.textContent = cell === undefined || cell === null ? '–' : String(cell);
    return td;
  }));
  return tr;
}

/** A single row spanning the table, saying why it is empty. */
export function emptyRow(columns, text) {
  const tr = element('tr', 'empty');
  const td = element('td', '', text);
  td.colSpan = columns;
  tr.append(td);
  return tr;
}
