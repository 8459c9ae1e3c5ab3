/* The script of the page cablethread.write_html writes (inlined there; nothing is fetched).
   Every value of the release is shown with textContent or as an attribute value, never as markup:
   a release is untrusted text. Rows are drawn for threads; a thread's messages when it is opened,
   a message's panel when it is chosen, a thread's timeline (an inert template) when it is chosen. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("release-data").textContent);
  var messages = data.messages;
  var threads = data.threads;
  var parties = data.parties;
  var BATCH = 300;
  var threadOf = new Array(messages.length);
  threads.forEach(function (thread, t) {
    thread.walk.forEach(function (step) {
      if (threadOf[step[0]] === undefined) threadOf[step[0]] = t;
    });
  });
  var tree = document.getElementById("tree");
  var status = document.getElementById("status");
  var more = document.getElementById("more");
  var panel = document.getElementById("message");
  var timeline = document.getElementById("timeline");
  var shownThreads = [];
  var drawn = 0;
  var matching = null; // null: no filter; else an array of booleans by message index
  var chosenThread = -1;
  var chosenMessage = -1;
  var rowCount = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // --- The release -------------------------------------------------------------------------
  function drawOverview() {
    var head = document.getElementById("overview");
    head.appendChild(el("h1", "", data.sources.join(", ")));
    var line = el("p");
    line.appendChild(el("span", "", "Profile: " + (data.profile || "none") + " · time-zone mode: "));
    line.appendChild(
      el("span", "", data.modes.map(function (m) { return m[0] + " (" + plural(m[1], "message") + ")"; }).join(", ") || "none")
    );
    head.appendChild(line);
    if (data.profiles.length > 1) {
      var each = el("p", "note");
      each.textContent = data.profiles.map(function (p) {
        return p[0] + (p[1] ? ":" + p[1] : "") + " " + p[2] + " (" + p[3] + ")";
      }).join("; ");
      head.appendChild(each);
    } else if (data.profiles.length === 1) {
      head.appendChild(el("p", "note", "Archive zone: " + data.profiles[0][3]));
    }
    var counts = el("ul", "counts");
    var c = data.counts;
    [
      [c.messages, "message", "messages"], [c.threads, "thread", "threads"],
      [c.edges, "reply link", "reply links"],
      [c.placeholders, "unreleased parent", "unreleased parents"],
      [c.withholdings, "withholding code", "withholding codes"],
      [c.collations, "message printed more than once", "messages printed more than once"],
      [c.diagnostics, "diagnostic", "diagnostics"]
    ].forEach(function (count) {
      var item = el("li");
      item.appendChild(el("strong", "", count[0]));
      item.appendChild(document.createTextNode(" " + (count[0] === 1 ? count[1] : count[2])));
      counts.appendChild(item);
    });
    head.appendChild(counts);
    if (data.diagnostics.length) {
      var all = el("details", "diagnostics");
      all.appendChild(el("summary", "", "Diagnostics by code (" + data.diagnostics.length + " codes)"));
      data.diagnostics.forEach(function (entry) {
        var one = el("details", "diag-code");
        var summary = el("summary");
        summary.appendChild(el("code", "", entry[0]));
        summary.appendChild(el("span", "sev-" + entry[1], " " + entry[1] + " × " + entry[2]));
        one.appendChild(summary);
        one.addEventListener("toggle", function () {
          if (!one.open || one.querySelector("ul")) return;
          var list = el("ul", "diag-list");
          entry[3].forEach(function (d) {
            list.appendChild(el("li", "", (d[0] ? d[0] + ":" : "") + (d[1] ? d[1] + ": " : "") + d[2]));
          });
          one.appendChild(list);
        });
        all.appendChild(one);
      });
      head.appendChild(all);
    }
  }

  // --- Filters ------------------------------------------------------------------------------
  var form = document.getElementById("filters");
  function field(label, input) {
    var wrap = el("label", "", label);
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }
  function textInput(name) {
    var input = el("input");
    input.type = "search";
    input.name = name;
    input.autocomplete = "off";
    return input;
  }
  var fSender = field("Sender", textInput("sender"));
  var fRecipient = field("Recipient", textInput("recipient"));
  var fSubject = field("Subject text", textInput("subject"));
  var fFrom = field("Sent from (UTC)", el("input"));
  fFrom.type = "date"; fFrom.name = "from";
  var fTo = field("Sent to (UTC)", el("input"));
  fTo.type = "date"; fTo.name = "to";
  var fCode = field("Withholding code", el("select"));
  fCode.name = "code";
  var any = el("option", "", "any");
  any.value = "";
  fCode.appendChild(any);
  Object.keys(data.codes).sort().forEach(function (code) {
    var option = el("option", "", code + " — " + data.codes[code][0]);
    option.value = code;
    fCode.appendChild(option);
  });
  var clear = el("button", "", "Clear filters");
  clear.type = "button";
  form.appendChild(clear);

  function dayMs(value, end) {
    if (!value) return null;
    var ms = Date.parse(value + "T00:00:00Z");
    if (isNaN(ms)) return null;
    return end ? ms + 86400000 : ms;
  }
  function partySearch(cited) {
    var p = parties[cited[0]];
    if (p.search === undefined) {
      p.search = [p.raw, p.name, p.code, p.address].filter(Boolean).join(" | ").toLowerCase();
    }
    return p.search;
  }
  function searchText(m) {
    if (m.sFrom === undefined) {
      m.sFrom = m.from ? partySearch(m.from) : "";
      m.sTo = [].concat(m.to, m.cc, m.bcc).map(partySearch).join(" || ");
    }
  }
  function messageMatches(m, f) {
    if (m.placeholder) return false;
    searchText(m);
    if (f.sender && m.sFrom.indexOf(f.sender) < 0) return false;
    if (f.recipient && m.sTo.indexOf(f.recipient) < 0) return false;
    if (f.subject && (m.subject || "").toLowerCase().indexOf(f.subject) < 0) return false;
    if (f.from !== null && (m.utcMs === null || m.utcMs < f.from)) return false;
    if (f.to !== null && (m.utcMs === null || m.utcMs >= f.to)) return false;
    if (f.code && !m.redactions.some(function (r) { return r[0] === f.code; })) return false;
    return true;
  }
  function applyFilters() {
    var f = {
      sender: fSender.value.trim().toLowerCase(),
      recipient: fRecipient.value.trim().toLowerCase(),
      subject: fSubject.value.trim().toLowerCase(),
      from: dayMs(fFrom.value, false),
      to: dayMs(fTo.value, true),
      code: fCode.value
    };
    var active = f.sender || f.recipient || f.subject || f.from !== null || f.to !== null || f.code;
    matching = active ? messages.map(function (m) { return messageMatches(m, f); }) : null;
    shownThreads = [];
    threads.forEach(function (thread, t) {
      if (!matching || thread.walk.some(function (s) { return matching[s[0]]; })) shownThreads.push(t);
    });
    tree.textContent = "";
    drawn = 0;
    drawMore();
    status.textContent = (active ? "Filtered: " : "") + "showing " + shownThreads.length + " of " +
      plural(threads.length, "thread");
    status.setAttribute("data-visible", String(shownThreads.length));
  }
  form.addEventListener("input", applyFilters);
  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", function () { form.reset(); applyFilters(); });

  // --- The tree -----------------------------------------------------------------------------
  function linkLabel(link) {
    return link ? link[0] + " " + link[1] : "";
  }
  function toggle(glyph) {
    // The state is read out from aria-expanded; the glyph is for the eye only.
    var mark = el("span", "toggle", glyph);
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }
  function rowFor(item, parts) {
    var row = el("span", "row");
    row.id = "row-" + (rowCount += 1);
    item.setAttribute("aria-labelledby", row.id);
    parts(row);
    item.appendChild(row);
    return row;
  }
  function threadItem(t) {
    var thread = threads[t];
    var item = el("li", "thread");
    item.setAttribute("role", "treeitem");
    item.setAttribute("aria-expanded", "false");
    item.setAttribute("aria-level", "1");
    item.tabIndex = -1;
    item.dataset.thread = String(t);
    rowFor(item, function (row) {
      row.appendChild(toggle("▸"));
      row.appendChild(el("span", "subject", thread.subject || "(no subject)"));
      var count = plural(thread.count, "message");
      if (matching) {
        var hits = thread.walk.filter(function (s) { return matching[s[0]]; }).length;
        count += ", " + hits + " matching";
      }
      row.appendChild(el("span", "meta", thread.id + " · " + count + " · " + (thread.start || "?") +
        " to " + (thread.end || "?") + " · mode " + (thread.mode || "none")));
    });
    return item;
  }
  function messageItem(step, level) {
    var m = messages[step[0]];
    var item = el("li", "message" + (m.placeholder ? " missing" : ""));
    item.setAttribute("role", "treeitem");
    item.setAttribute("aria-level", String(level));
    item.tabIndex = -1;
    item.dataset.message = String(step[0]);
    if (matching && matching[step[0]]) item.classList.add("match");
    if (step[0] === chosenMessage) item.classList.add("chosen");
    rowFor(item, function (row) {
      row.appendChild(toggle(""));
      if (step[2]) {
        var link = el("span", "link", linkLabel(step[2]));
        link.title = "reply link: its evidence and confidence";
        row.appendChild(link);
        row.appendChild(document.createTextNode(" "));
      }
      if (m.placeholder) {
        row.appendChild(el("span", "who", "[missing] parent not in the release: " + (m.subject || "(no subject)")));
        return;
      }
      row.appendChild(el("span", "who", m.from ? parties[m.from[0]].raw : "(no sender)"));
      row.appendChild(el("span", "meta",
        (m.local ? m.local + " " + (m.zone || "") : "(no date)") + (m.utc ? " = " + m.utc : "") +
        " · " + (m.subject || "(no subject)")));
    });
    return item;
  }
  function fillThread(item) {
    var t = Number(item.dataset.thread);
    var walk = threads[t].walk;
    var group = el("ul");
    group.setAttribute("role", "group");
    var stack = [{ depth: -1, group: group, item: null }];
    walk.forEach(function (step) {
      while (stack.length > 1 && stack[stack.length - 1].depth >= step[1]) stack.pop();
      var top = stack[stack.length - 1];
      if (top.item && !top.sub) {
        top.sub = el("ul");
        top.sub.setAttribute("role", "group");
        top.item.appendChild(top.sub);
        top.item.setAttribute("aria-expanded", "true");
        top.item.querySelector(".toggle").textContent = "▾";
      }
      var child = messageItem(step, stack.length + 1);
      (top.sub || top.group).appendChild(child);
      stack.push({ depth: step[1], group: null, item: child });
    });
    item.appendChild(group);
  }
  function setExpanded(item, open) {
    if (item.getAttribute("aria-expanded") === null) return;
    if (open && item.classList.contains("thread") && !item.querySelector("ul")) fillThread(item);
    item.setAttribute("aria-expanded", open ? "true" : "false");
    var group = item.querySelector(":scope > ul");
    if (group) group.hidden = !open;
    item.querySelector(":scope > .row > .toggle").textContent = open ? "▾" : "▸";
    if (open && item.classList.contains("thread")) chooseThread(Number(item.dataset.thread));
  }
  function drawMore() {
    var fragment = document.createDocumentFragment();
    var until = Math.min(drawn + BATCH, shownThreads.length);
    for (; drawn < until; drawn += 1) fragment.appendChild(threadItem(shownThreads[drawn]));
    tree.appendChild(fragment);
    more.hidden = drawn >= shownThreads.length;
    more.textContent = "Show more threads (" + (shownThreads.length - drawn) + " not drawn)";
    var first = tree.querySelector("[role=treeitem]");
    if (first && !tree.querySelector("[role=treeitem][tabindex='0']")) first.tabIndex = 0;
  }
  more.addEventListener("click", drawMore);

  function visibleItems() {
    return Array.prototype.filter.call(tree.querySelectorAll("[role=treeitem]"), function (item) {
      return item.offsetParent !== null;
    });
  }
  function focusItem(item) {
    if (!item) return;
    Array.prototype.forEach.call(tree.querySelectorAll("[role=treeitem][tabindex='0']"), function (other) {
      other.tabIndex = -1;
    });
    item.tabIndex = 0;
    item.focus();
  }
  function parentItem(item) {
    var group = item.parentElement;
    return group && group !== tree ? group.parentElement : null;
  }
  function activate(item) {
    if (item.dataset.message !== undefined) {
      chooseMessage(Number(item.dataset.message));
    } else {
      setExpanded(item, item.getAttribute("aria-expanded") !== "true");
    }
  }
  tree.addEventListener("click", function (event) {
    var row = event.target.closest(".row");
    if (!row) return;
    var item = row.parentElement;
    focusItem(item);
    activate(item);
  });
  tree.addEventListener("keydown", function (event) {
    var item = event.target.closest("[role=treeitem]");
    if (!item) return;
    var items = visibleItems();
    var at = items.indexOf(item);
    var expanded = item.getAttribute("aria-expanded");
    switch (event.key) {
      case "ArrowDown":
        focusItem(items[at + 1]);
        break;
      case "ArrowUp":
        focusItem(items[at - 1]);
        break;
      case "Home":
        focusItem(items[0]);
        break;
      case "End":
        focusItem(items[items.length - 1]);
        break;
      case "ArrowRight":
        if (expanded === "false") setExpanded(item, true);
        else if (expanded === "true") focusItem(visibleItems()[at + 1]);
        break;
      case "ArrowLeft":
        if (expanded === "true") setExpanded(item, false);
        else focusItem(parentItem(item));
        break;
      case "Enter":
      case " ":
        activate(item);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // --- The timeline -------------------------------------------------------------------------
  function chooseThread(t) {
    if (t === chosenThread) return;
    chosenThread = t;
    timeline.textContent = "";
    var thread = threads[t];
    timeline.appendChild(el("h2", "", "Timeline: " + (thread.subject || thread.id)));
    var template = document.getElementById("tl-" + t);
    if (template) {
      timeline.appendChild(document.importNode(template.content, true));
      timeline.appendChild(el("p", "note", "One lane per sender's home zone; each dot at its UTC instant with " +
        "the wall clock of its lane; arrows are reply links. Choose a dot to read the message."));
      markTimeline();
    } else {
      timeline.appendChild(el("p", "note", "A thread of " + plural(thread.count, "message") +
        "; no timeline is drawn for fewer than two dated messages."));
    }
  }
  function markTimeline() {
    Array.prototype.forEach.call(timeline.querySelectorAll(".tl-point"), function (point) {
      point.classList.toggle("chosen", Number(point.getAttribute("data-m")) === chosenMessage);
    });
  }
  timeline.addEventListener("click", function (event) {
    var point = event.target.closest(".tl-point");
    if (point) chooseMessage(Number(point.getAttribute("data-m")));
  });
  timeline.addEventListener("keydown", function (event) {
    var point = event.target.closest(".tl-point");
    if (point && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      chooseMessage(Number(point.getAttribute("data-m")));
    }
  });

  // --- The message panel --------------------------------------------------------------------
  function table(rows, head) {
    var box = el("div", "table-box");
    var t = el("table", "fields");
    if (head) {
      var hr = el("tr");
      head.forEach(function (h) { hr.appendChild(el("th", "", h)); });
      var thead = el("thead");
      thead.appendChild(hr);
      t.appendChild(thead);
    }
    var body = el("tbody");
    rows.forEach(function (cells) {
      var tr = el("tr");
      cells.forEach(function (cell, i) {
        var td = el(i === 0 && !head ? "th" : "td", "", cell);
        if (/^(line|lines) /.test(cell)) td.className = "where";
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    box.appendChild(t);
    return box;
  }
  function partyRows(role, cited) {
    return cited.map(function (c) {
      var p = parties[c[0]];
      return [role, p.raw, p.name || "", p.code || "", p.kind, p.zone || "", p.address || "", c[1]];
    });
  }
  function codeMark(code, raw) {
    var mark = el("mark", "code", raw);
    var known = data.codes[code];
    mark.title = known ? code + ": " + known[0] + " — " + known[1] : code;
    mark.tabIndex = 0;
    mark.dataset.code = code;
    return mark;
  }
  function drawBody(m) {
    var pre = el("div", "body");
    pre.setAttribute("role", "region");
    pre.setAttribute("aria-label", "Body");
    var start = m.body[0];
    var lines = m.body[1].split("\n");
    var byLine = {};
    m.redactions.forEach(function (r) { (byLine[r[2]] = byLine[r[2]] || []).push(r); });
    lines.forEach(function (text, i) {
      var number = start + i;
      var line = el("div", "ln");
      line.appendChild(el("span", "no", number));
      var tx = el("span", "tx");
      var at = 0;
      (byLine[number] || []).forEach(function (r) {
        var found = text.indexOf(r[3], at);
        if (found < 0) return;
        tx.appendChild(document.createTextNode(text.slice(at, found)));
        tx.appendChild(codeMark(r[0], r[3]));
        at = found + r[3].length;
      });
      tx.appendChild(document.createTextNode(text.slice(at) || (at ? "" : " ")));
      line.appendChild(tx);
      pre.appendChild(line);
    });
    return pre;
  }
  function chooseMessage(index) {
    var m = messages[index];
    chosenMessage = index;
    Array.prototype.forEach.call(tree.querySelectorAll("li.chosen"), function (item) { item.classList.remove("chosen"); });
    Array.prototype.forEach.call(tree.querySelectorAll("li[data-message='" + index + "']"), function (item) {
      item.classList.add("chosen");
    });
    if (threadOf[index] !== undefined) chooseThread(threadOf[index]);
    markTimeline();
    panel.textContent = "";
    panel.dataset.message = m.id;
    panel.appendChild(el("h2", "", m.placeholder ? "Parent not in the release" : (m.subject || "(no subject)")));
    if (m.placeholder) {
      panel.appendChild(el("p", "note", "A message this release quotes a reply to but does not print (" + m.id +
        "). Its subject is known from the reply: " + (m.subject || "(none)") + "."));
      return;
    }
    panel.appendChild(el("h3", "", "Header as printed"));
    var printed = m.fields.map(function (f) {
      return [f[0] + ":", f[1], (f[2].indexOf("-") < 0 ? "line " : "lines ") + f[2]];
    });
    panel.appendChild(table(printed));
    panel.appendChild(el("h3", "", "As read"));
    var read = [
      ["id", m.id],
      ["sent (as printed)", m.sentRaw || "(none)"],
      ["sent (local)", (m.local || "(no date)") + (m.zone ? " " + m.zone : "") + (m.zoneName ? " (" + m.zoneName + ")" : "")],
      ["sent (UTC)", m.utc || "unknown"],
      ["time-zone mode", m.mode || "none"],
      ["subject", m.subject || "(none)"]
    ];
    if (m.subjectRaw) read.push(["subject as printed", m.subjectRaw]);
    if (m.attachments.length) read.push(["attachments", m.attachments.join("; ")]);
    var thread = threadOf[index] !== undefined ? threads[threadOf[index]] : null;
    if (thread) {
      var step = thread.walk.filter(function (s) { return s[0] === index; })[0];
      read.push(["thread", thread.id]);
      if (step && step[2]) read.push(["reply link", step[2][0] + ", confidence " + step[2][1]]);
    }
    panel.appendChild(table(read));
    panel.appendChild(el("h3", "", "Parties"));
    var rows = [].concat(
      m.from ? partyRows("From", [m.from]) : [], partyRows("To", m.to), partyRows("Cc", m.cc), partyRows("Bcc", m.bcc)
    );
    // Only the columns the release fills (an address, say, is rarely printed in a release).
    var head = ["field", "as printed", "name", "code", "kind", "home zone", "address", "lines"];
    var used = head.map(function (_, i) {
      return i < 2 || i === 7 || rows.some(function (r) { return r[i] !== ""; });
    });
    function keep(row) { return row.filter(function (_, i) { return used[i]; }); }
    panel.appendChild(table(rows.map(keep), keep(head)));
    if (m.redactions.length) {
      panel.appendChild(el("h3", "", "Withheld"));
      var list = el("ul", "codes");
      m.redactions.forEach(function (r) {
        var item = el("li");
        item.appendChild(codeMark(r[0], r[0]));
        var known = data.codes[r[0]];
        item.appendChild(document.createTextNode(" line " + r[1] + (r[4] ? " (" + r[4] + ")" : "") +
          (r[5] ? ", printed " + r[3] : "") + (known ? ": " + known[0] + " — " + known[1] : "")));
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
    panel.appendChild(el("h3", "", "Body" + (m.body ? " (first printing, lines from " + m.body[0] + ")" : "")));
    panel.appendChild(m.body ? drawBody(m) : el("p", "note", "No body was printed."));
    panel.appendChild(el("h3", "", "Printings"));
    panel.appendChild(table(m.printings.map(function (o, i) {
      return [i === 0 ? "first" : "also", o[0], "header " + o[1], o[2] ? "body " + o[2] : "no body",
        o[3] !== null ? "page " + o[3] : "page unknown", "chain " + o[4] + ", depth " + o[5]];
    }), ["", "source", "header lines", "body lines", "page", "place"]));
    var differences = data.collations[index];
    if (differences && differences.length) {
      panel.appendChild(el("h3", "", "Differences between printings"));
      panel.appendChild(table(differences.map(function (d) {
        return [d[0], "printing " + (d[1] + 1) + ": " + d[3], "printing " + (d[2] + 1) + ": " + d[4], d[5]];
      }), ["kind", "one", "other", "evidence"]));
    }
  }

  drawOverview();
  timeline.appendChild(el("p", "note", "Open a thread to see its timeline across its senders' zones; " +
    "choose a message to read its header, parties, withholdings and body."));
  applyFilters();
  if (window.performance && performance.mark) performance.mark("tree-drawn");
  document.documentElement.setAttribute("data-ready", "1");
})();
