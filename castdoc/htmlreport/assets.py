"""The report page's style and script, written into the page (no network, no CDN).

Why inline: the page is mailed around and opened from a shared drive, often on machines
without internet access; one file must hold everything. The script only adds sorting and
a text filter; the status filter is CSS (radio buttons and ``:has()``), so with scripts
off the tables are all there, sorted by deadline, and still filter by status.
"""

STYLE = """
:root { --overdue:#b42318; --soon:#b54708; --later:#175cd3; --undated:#667085; --line:#d0d5dd; }
* { box-sizing: border-box; }
body { font: 15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
       margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; color: #101828; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
.meta { color: #475467; margin: .2rem 0 1rem; }
.counts span { display: inline-block; margin-right: 1rem; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.2rem; border-left: 3px solid var(--line); }
.timeline li { position: relative; margin: 0 0 .8rem; padding-left: .6rem; }
.timeline li::before { content: ""; position: absolute; left: -1.72rem; top: .45rem; width: .8rem; height: .8rem;
                       border-radius: 50%; background: var(--later); }
.timeline li.overdue::before { background: var(--overdue); } .timeline li.soon::before { background: var(--soon); }
.timeline .when { font-weight: 600; } .timeline .left { color: #475467; margin-left: .5rem; }
.timeline li.overdue .when, .status-overdue { color: var(--overdue); }
.timeline li.soon .when, .status-soon { color: var(--soon); }
.timeline .today { list-style: none; color: #475467; font-style: italic; }
.filters { margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; }
.filters input[type=search] { padding: .3rem .5rem; min-width: 16rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; position: sticky; top: 0; }
th button { font: inherit; border: 0; background: none; padding: 0; cursor: pointer; font-weight: 600; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
td.due { white-space: nowrap; }
body:has(#show-overdue:checked) #tasks tbody tr:not(.overdue),
body:has(#show-upcoming:checked) #tasks tbody tr:not(.soon):not(.later),
body:has(#show-undated:checked) #tasks tbody tr:not(.undated) { display: none; }
tr.hidden { display: none; }
.cards { display: grid; gap: 1rem; }
.doc { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
.doc h3 { margin: 0 0 .4rem; font-size: 1.05rem; }
.doc dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .5rem; }
.doc dt { color: #475467; } .doc dd { margin: 0; }
.doc .text { white-space: pre-wrap; background: #fcfcfd; border-top: 1px solid var(--line); padding: .6rem 0 0; }
mark { border-radius: 3px; padding: 0 .1em; }
mark.person { background: #d1e9ff; } mark.date { background: #fef0c7; }
mark.platform { background: #d1fadf; } mark.initiative { background: #fbe8ff; }
.legend mark { margin-right: .5rem; }
@media print { .filters { display: none; } details { display: block; } }
"""

SCRIPT = """
(function () {
  var table = document.getElementById('tasks');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var text = th.textContent;
    var b = document.createElement('button');
    b.type = 'button'; b.textContent = text; th.textContent = ''; th.appendChild(b);
    b.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      rows.sort(function (x, y) {
        var a = x.cells[col].getAttribute('data-key') || x.cells[col].textContent;
        var c = y.cells[col].getAttribute('data-key') || y.cells[col].textContent;
        return (a < c ? -1 : a > c ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var box = document.getElementById('filter');
  if (box) {
    box.hidden = false;
    box.addEventListener('input', function () {
      var q = box.value.trim().toLowerCase();
      rows.forEach(function (r) {
        r.classList.toggle('hidden', q !== '' && r.textContent.toLowerCase().indexOf(q) < 0);
      });
    });
  }
  document.documentElement.setAttribute('data-ready', 'yes');
})();
"""
