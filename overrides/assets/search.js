// The search page: the language's Pagefind index, asked through Pagefind's JavaScript API,
// its results shown in two groups, the briefings first, then the actors, places, sources
// and tags, each with an excerpt of the words a reader sees on the page.
//
// Each word of a query is looked up by its search forms (arabic-search.js): folded as
// written and without its attached prefixes, so that "بدير" finds دير and "كردي" both
// كردي and الكردي; a page is found when it holds every word in one of its forms. Arabic
// pages index the forms of their words after their text, behind a "⸻" (search_terms in
// build_tools/text/arabic.py): excerpts are cut from the words before it only, so that a
// folded or shortened form never shows, marking each word one of whose forms begins with
// one of the query word's.
//
// Pagefind stems what it looks up, and when nothing in the index begins with the stem it
// falls back to the longest indexed word the stem begins with ("وبالرقه" to "ب"): an
// Arabic form whose best page holds no word beginning with it found nothing.
(function () {
  "use strict";
  var HIDDEN_FORMS = "\u2e3b";
  var EXCERPT_WORDS = 30;
  var PAGE_SIZE = 10;
  var WAIT_MS = 250;
  var NAMED_FIRST = PAGE_SIZE;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var ARABIC = /[\u0600-\u06ff]/;

  var root = document.getElementById("briefing-search");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var status = root.querySelector("[data-briefing=search-status]");
  var groups = Array.prototype.slice.call(root.querySelectorAll("[data-briefing=search-group]"));
  var strings = JSON.parse(root.dataset.strings);
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang + "-u-nu-" + strings.numbering, {useGrouping: false});
  var bundle = new URL(root.dataset.bundle, document.baseURI).href;
  var engine = null;
  var asked = 0;
  var waiting = null;

  // The bundles of each group (pagefind/LANG/NAME/: a group's pages shared out over one or more).
  var parts = {};
  groups.forEach(function (section) { parts[section.dataset.group] = section.dataset.bundles.split(" "); });

  // One Pagefind for every bundle: the first loaded, the others merged into it, each
  // marked with its name (a filter made in the browser, Pagefind's mergeFilter), so
  // that the WebAssembly and the worker are fetched once.
  function pagefind() {
    if (!engine) {
      var names = groups.reduce(function (all, section) { return all.concat(parts[section.dataset.group]); }, []);
      engine = import(bundle + names[0] + "/pagefind.js").then(function (module) {
        return module.options({excerptLength: EXCERPT_WORDS, mergeFilter: {part: names[0]}}).then(function () {
          return Promise.all(names.slice(1).map(function (name) {
            return module.mergeIndex(new URL(bundle + name + "/").pathname, {mergeFilter: {part: name}});
          }));
        }).then(function () { return module; });
      });
    }
    return engine;
  }

  function formsOf(word) {
    var forms = window.briefingSearchForms ? window.briefingSearchForms(word) : [word];
    return forms.map(function (form) { return form.toLowerCase(); });
  }

  // The pages of ``group`` that hold every word of the query, best first: a page's score
  // is the sum, over the query's words, of its best score for a form of that word; among
  // the first NAMED_FIRST entities, those the query names exactly come first.
  function find(words, group) {
    return pagefind().then(function (module) { return scored(module, words, group); }).then(function (results) {
      return group === "entities" ? namedFirst(results, words) : results;
    });
  }

  function namedFirst(results, words) {
    var wanted = nameKey(words.join(" "));
    var head = results.slice(0, NAMED_FIRST);
    return Promise.all(head.map(function (result) { return result.data(); })).then(function (pages) {
      var named = head.filter(function (result, index) {
        return (pages[index].meta.names || "").split("|").some(function (name) { return nameKey(name) === wanted; });
      });
      return named.concat(results.filter(function (result) { return named.indexOf(result) < 0; }));
    });
  }

  // A name as a query is compared with it: each word in its search form.
  function nameKey(text) {
    return text.trim().split(/\s+/).map(function (word) {
      return (window.briefingArabicQuery ? window.briefingArabicQuery(word) : word).toLowerCase();
    }).join(" ");
  }

  function scored(module, words, group) {
    return Promise.all(words.map(function (word) { return lookUp(module, word, group); })).then(function (found) {
      var scores = found[0];
      found.slice(1).forEach(function (best) {
        var both = new Map();
        scores.forEach(function (entry, id) {
          if (best.has(id)) both.set(id, {result: entry.result, score: entry.score + best.get(id).score});
        });
        scores = both;
      });
      return Array.from(scores.values()).sort(function (a, b) { return b.score - a.score; })
        .map(function (entry) { return entry.result; });
    });
  }

  // The pages of ``group`` holding ``word`` in one of its forms, by id, each with its best
  // score. An Arabic form's results in a bundle count only if the first of them holds it
  // as a word's start (Pagefind also finds it inside words), checked bundle by bundle
  // so that what is found does not depend on how the pages are shared out.
  function lookUp(module, word, group) {
    var searches = [];
    formsOf(word).forEach(function (form) {
      parts[group].forEach(function (part) { searches.push(inPart(module, form, part)); });
    });
    return Promise.all(searches).then(function (perForm) {
      var best = new Map();
      perForm.forEach(function (results) {
        results.forEach(function (result) {
          var known = best.get(result.id);
          if (!known || known.score < result.score) best.set(result.id, {result: result, score: result.score});
        });
      });
      return best;
    });
  }

  function inPart(module, form, part) {
    return module.search(form, {filters: {part: part}}).then(function (search) {
      var results = search ? search.results : [];
      if (!results.length || !ARABIC.test(form)) return results;
      return results[0].data().then(function (data) { return holds(data.content, form) ? results : []; });
    });
  }

  function holds(content, form) {
    return content.split(/[\r\n\s]+/).some(function (token) { return matches(token, [form]); });
  }

  // Marks a word of the page when one of its forms starts with one of the query's (Pagefind
  // finds a term as the start of a word too).
  function matches(token, wanted) {
    var word = token.replace(EDGES, "");
    if (!word) return false;
    return formsOf(word).some(function (form) {
      return wanted.some(function (term) { return form.indexOf(term) === 0; });
    });
  }

  // The excerpt: EXCERPT_WORDS words of the page's visible text around most of the words
  // that match, those marked; made of text nodes and <mark> elements, never parsed as HTML
  // (the page's text is the content's, which may hold anything that looks like markup).
  function excerpt(data, words) {
    var tokens = data.content.split(/[\r\n\s]+/);
    var end = tokens.indexOf(HIDDEN_FORMS);
    if (end < 0) end = tokens.length;
    var wanted = [];
    words.forEach(function (word) { wanted.push.apply(wanted, formsOf(word)); });
    var marked = new Set((data.locations || []).filter(function (at) { return at < end; }));
    for (var i = 0; i < end; i++) if (matches(tokens[i], wanted)) marked.add(i);
    var start = densest(Array.from(marked).sort(function (a, b) { return a - b; }), end);
    var shown = document.createDocumentFragment();
    for (var at = start; at < Math.min(end, start + EXCERPT_WORDS); at++) {
      if (at > start) shown.append(" ");
      if (marked.has(at)) {
        var mark = document.createElement("mark");
        mark.textContent = tokens[at];
        shown.append(mark);
      } else {
        shown.append(tokens[at]);
      }
    }
    return shown;
  }

  // Where a window of EXCERPT_WORDS words holds the most marked words, a little before them.
  function densest(positions, end) {
    var best = 0, start = 0;
    for (var first = 0, last = 0; last < positions.length; last++) {
      while (positions[last] - positions[first] >= EXCERPT_WORDS) first++;
      if (last - first + 1 > best) {
        best = last - first + 1;
        start = positions[first];
      }
    }
    return Math.max(0, Math.min(start - 3, end - EXCERPT_WORDS));
  }

  function resultItem(data, words, group) {
    var item = document.createElement("li");
    item.className = "briefing-search__result";
    item.setAttribute("data-briefing", "search-result");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    link.dir = "auto";
    var heading = document.createElement("h3");
    heading.appendChild(link);
    item.appendChild(heading);
    if (group === "articles" && data.meta.date) {
      var date = document.createElement("p");
      date.className = "briefing-search__date";
      date.textContent = data.meta.date;
      item.appendChild(date);
    }
    var text = document.createElement("p");
    text.className = "briefing-search__excerpt";
    text.dir = "auto";
    text.append(excerpt(data, words));
    item.appendChild(text);
    return item;
  }

  function showMore(section, results, words) {
    var list = section.querySelector("ol");
    var more = section.querySelector("button");
    var next = results.slice(list.children.length, list.children.length + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      pages.forEach(function (data) { list.appendChild(resultItem(data, words, section.dataset.group)); });
      more.hidden = list.children.length >= results.length;
      more.onclick = function () { showMore(section, results, words); };
    });
  }

  function counted(count, query) {
    var template = count === 0 ? strings.search_none : strings["search_count_" + plural.select(count)] ||
      strings.search_count_other;
    // replaced by functions, so that a "$&" in the query is not read as a replacement pattern
    return template.replace("{count}", function () { return numbers.format(count); })
      .replace("{term}", function () { return query; });
  }

  function run(query) {
    var ticket = ++asked;
    var words = query.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return show(ticket, null, [], []);
    var found = groups.map(function (section) { return find(words, section.dataset.group); });
    return Promise.all(found).then(function (results) { return show(ticket, query.trim(), words, results); },
      function (error) {
        status.textContent = strings.search_failed;
        throw error;
      });
  }

  function show(ticket, query, words, found) {
    if (ticket !== asked) return null;  // a newer query was typed meanwhile
    var total = 0;
    groups.forEach(function (section, index) {
      var results = found[index] || [];
      total += results.length;
      section.querySelector("ol").textContent = "";
      section.hidden = results.length === 0;
    });
    status.textContent = query === null ? "" : counted(total, query);
    return Promise.all(groups.map(function (section, index) {
      return found[index] && found[index].length ? showMore(section, found[index], words) : null;
    }));
  }

  function ask(query) {
    var address = new URL(location.href);
    if (query.trim()) address.searchParams.set("q", query.trim());
    else address.searchParams.delete("q");
    history.replaceState(null, "", address);
    return run(query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(waiting);
    ask(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(waiting);
    waiting = setTimeout(function () { ask(input.value); }, WAIT_MS);
  });
  var given = new URL(location.href).searchParams.get("q");
  if (given) {
    input.value = given;
    run(given);
  }
  window.briefingSearch = {excerpt: excerpt, densest: densest, run: run};
})();
