// The HTML report's inline style and script. Colours are the Okabe–Ito palette (safe for the
// common colour-vision deficiencies), and severity is also written out, never shown by colour
// alone. The script only adds behaviour: the page reads fully without it.
#include "src/cli/report_html_parts.h"

namespace faultline::html_detail {

const char kHtmlStyle[] = R"css(
:root{--bg:#fff;--fg:#1b1b1b;--mute:#595959;--line:#d0d0d0;--lane:#f7f7f7;--lane2:#ececec;
--step:#0072b2;--ctx:#009e73;--band:#f0e442;--crit:#d55e00;--warn:#e69f00;--info:#0072b2;
--sel:#cc79a7;--code:#f3f3f3}
@media (prefers-color-scheme:dark){:root{--bg:#141414;--fg:#e8e8e8;--mute:#a6a6a6;--line:#3a3a3a;
--lane:#1c1c1c;--lane2:#262626;--step:#56b4e9;--ctx:#2fbf8f;--crit:#f0803c;--info:#56b4e9;
--code:#1f1f1f}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1240px;padding:0 16px 48px;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code,pre,kbd{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
a{color:var(--step)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px}
h1{font-size:24px;margin:16px 0 4px}h2{font-size:19px;margin:0 0 8px}h3{font-size:15px;margin:16px 0 4px}
.badge{display:inline-block;padding:1px 8px;border-radius:3px;font-size:12px;font-weight:700;
text-transform:uppercase;letter-spacing:.04em;color:#fff;vertical-align:middle;background:var(--info)}
.badge.sev-critical{background:var(--crit)}.badge.sev-warning{background:var(--warn);color:#000}
article.inc{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:4px;
padding:12px 16px;margin:20px 0}
article.inc{content-visibility:auto;contain-intrinsic-size:auto 900px}
article.sev-critical{border-left-color:var(--crit)}article.sev-warning{border-left-color:var(--warn)}
article.inc:focus{outline:3px solid var(--sel)}
.n{color:inherit;text-decoration:none}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
dl.meta dt{font-weight:600;color:var(--mute)}dl.meta dd{margin:0}
.conf{display:inline-block;width:60px;height:9px;border:1px solid var(--mute);vertical-align:middle}
.conf span{display:block;height:100%;background:var(--fg)}
.scroll{overflow-x:auto}
svg.swim{min-width:720px;width:100%;height:auto;display:block}
svg.overview{min-width:640px;width:100%;height:auto;display:block}
svg text{fill:var(--fg);font-size:12px}
.lane-bg{fill:var(--lane)}.lane-bg.odd{fill:var(--lane2)}
.lane-h{font-weight:600;font-size:13px}svg .lane-c{fill:var(--mute);font-size:11px}
.axis line{stroke:var(--mute)}.axis .grid{stroke:var(--line);stroke-dasharray:2 3}
svg .axis text{text-anchor:middle;fill:var(--mute);font-size:11px}svg .axis .cap{text-anchor:end}svg .axis .cap.start{text-anchor:start}
.band rect{fill:var(--band);fill-opacity:.38;stroke:#a89a00;stroke-dasharray:4 3}
@media (prefers-color-scheme:dark){.band rect{fill-opacity:.2}}
svg .band text{font-size:11px}
.win path{fill:none;stroke:var(--mute);stroke-width:1.5}svg .win text{font-size:11px;fill:var(--mute);paint-order:stroke;stroke:var(--bg);stroke-width:3px}
.arrow path{fill:none;stroke:var(--fg);stroke-width:1.6}.arrow.guess path{stroke-dasharray:5 4}
.ah path{fill:var(--fg)}
svg .dt,svg .mk-l{font-size:12px;paint-order:stroke;stroke:var(--bg);stroke-width:3px}
svg .dt{font-weight:700}svg .mk-l{font-size:11px}
.mk{cursor:pointer;outline:none}
.mk.step circle{fill:var(--step);stroke:var(--bg);stroke-width:2}
.mk.root circle{stroke:var(--crit);stroke-width:3}
.mk.ctx rect{fill:var(--ctx);stroke:var(--bg);stroke-width:1.5}
.mk.missing circle,.mk.absent circle{fill:var(--bg);stroke:var(--fg);stroke-width:2;stroke-dasharray:3 2}
.mk.absent path{stroke:var(--fg);stroke-width:2}
.mk:focus circle,.mk:focus rect,.mk.sel circle,.mk.sel rect{stroke:var(--sel);stroke-width:4}
a.ov rect{fill:var(--info)}a.ov.sev-critical rect{fill:var(--crit)}a.ov.sev-warning rect{fill:var(--warn)}
a.ov line{stroke:var(--mute);stroke-width:2}a.ov:focus rect{stroke:var(--sel);stroke-width:3}
figure.tl{margin:12px 0 0}figcaption{font-size:12px;color:var(--mute)}
.rec{border:1px solid var(--line);border-radius:4px;padding:6px 10px;margin:6px 0;
background:var(--code);min-height:2.5em}
.rec p{margin:0 0 4px;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
table.ev td:nth-child(-n+4){white-space:nowrap}table.ev td:nth-child(5){overflow-wrap:anywhere;min-width:12em}
table.ev td:last-child{min-width:28em;width:60%}
tr.ctx td{color:var(--mute)}
tr.sel{background:color-mix(in srgb,var(--band) 35%,transparent)}
.legend svg{width:14px;height:14px;vertical-align:-2px}
.lg-step{fill:var(--step)}.lg-ctx{fill:var(--ctx)}.lg-band{fill:var(--band);fill-opacity:.5}
.lg-missing{fill:none;stroke:var(--fg);stroke-width:1.5;stroke-dasharray:3 2}
.keys,.read,.brief{color:var(--mute);font-size:13px}.ep{color:var(--mute)}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 4px}
@media (max-width:700px){body{padding:0 8px 32px;font-size:14px}dl.meta{grid-template-columns:1fr}
article.inc{padding:10px}table.toc th:nth-child(n+5),table.toc td:nth-child(n+5){display:none}}
@media print{:root{--bg:#fff;--fg:#000;--mute:#444;--line:#bbb;--lane:#f5f5f5;--lane2:#e9e9e9;
--step:#0072b2;--ctx:#009e73;--crit:#d55e00;--info:#0072b2;--code:#fff}
body{max-width:none;font-size:10pt}article.inc{content-visibility:visible}.skip,.keys,.rec,figcaption{display:none}
.scroll{overflow:visible}svg.swim,svg.overview{min-width:0}
figure.tl,tr{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}}
)css";

// Hover, click, focus or Enter on a mark shows its record (read back from the evidence table
// with textContent, never as markup); arrows move along the chain; j/k move between incidents.
const char kHtmlScript[] = R"js(
(function () {
  'use strict';
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function local(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    try {
      return d.toLocaleString(undefined, {year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3,
        timeZoneName: 'short'});
    } catch (e) { return d.toString(); }
  }
  function show(mk) {
    var inc = mk.closest('article'), panel = inc && inc.querySelector('.rec');
    if (!panel) return;
    all('.sel', inc).forEach(function (e) { e.classList.remove('sel'); });
    mk.classList.add('sel');
    var head = document.createElement('p'), body = document.createElement('pre');
    var id = mk.getAttribute('data-ev'), row = id && document.getElementById(id);
    if (row) {
      row.classList.add('sel');
      var c = row.cells, time = c[0].querySelector('time');
      head.textContent = c[2].textContent + ' on ' + c[3].textContent + ' at ' + c[0].textContent +
        (time ? ' UTC (' + local(time.getAttribute('datetime')) + ')' : '') + ', ' +
        c[1].textContent + ' from the root cause, ' + c[4].textContent;
      body.textContent = row.querySelector('pre').textContent;
    } else {
      head.textContent = mk.getAttribute('data-note') || '';
    }
    panel.textContent = '';
    panel.appendChild(head);
    panel.appendChild(body);
  }
  function markOf(ev) { return ev.target.closest ? ev.target.closest('.mk') : null; }
  // Local times are worked out when first hovered: a page may hold thousands of them.
  document.addEventListener('mouseover', function (ev) {
    var t = ev.target.closest && ev.target.closest('time[datetime]');
    if (t && !t.title) t.title = 'Local time: ' + local(t.getAttribute('datetime'));
    var mk = markOf(ev);
    if (mk) show(mk);
  });
  document.addEventListener('click', function (ev) { var mk = markOf(ev); if (mk) show(mk); });
  document.addEventListener('focusin', function (ev) { var mk = markOf(ev); if (mk) show(mk); });
  document.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var t = ev.target, mk = markOf(ev);
    if (mk) {
      if (ev.key === 'Enter' || ev.key === ' ') { show(mk); ev.preventDefault(); return; }
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
        var marks = all('.mk', mk.ownerSVGElement).sort(function (a, b) {
          return a.getBBox().x - b.getBBox().x;
        });
        var next = marks[marks.indexOf(mk) + (ev.key === 'ArrowRight' ? 1 : -1)];
        if (next) next.focus();
        ev.preventDefault();
        return;
      }
      if (ev.key === 'Escape') { mk.closest('article').focus(); return; }
    }
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || (ev.key !== 'j' && ev.key !== 'k')) return;
    var incs = all('article.inc'), cur = t.closest && t.closest('article.inc'), i;
    if (cur) {
      i = incs.indexOf(cur) + (ev.key === 'j' ? 1 : -1);
    } else if (ev.key === 'j') {
      for (i = 0; i < incs.length && incs[i].getBoundingClientRect().top < 2; i++);
    } else {
      for (i = incs.length - 1; i >= 0 && incs[i].getBoundingClientRect().top > -2; i--);
    }
    if (incs[i]) { incs[i].focus(); ev.preventDefault(); }
  });
  // Each timeline starts with its root cause's record shown.
  all('article.inc .mk.root').forEach(show);
})();
)js";

}  // namespace faultline::html_detail
