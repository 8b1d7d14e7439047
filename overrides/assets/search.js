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
import {arabicQuery, searchForms} from "./arabic-search.js";

const HIDDEN_FORMS = "\u2e3b";
const EXCERPT_WORDS = 30;
const PAGE_SIZE = 10;
const WAIT_MS = 250;
const NAMED_FIRST = PAGE_SIZE;
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const ARABIC = /[\u0600-\u06ff]/;

function formsOf(word) {
  return searchForms(word).map((form) => form.toLowerCase());
}

// A name as a query is compared with it: each word in its search form.
function nameKey(text) {
  return text.trim().split(/\s+/).map((word) => arabicQuery(word).toLowerCase()).join(" ");
}

function holds(content, form) {
  return content.split(/[\r\n\s]+/).some((token) => matches(token, [form]));
}

// Marks a word of the page when one of its forms starts with one of the query's (Pagefind
// finds a term as the start of a word too).
function matches(token, wanted) {
  const word = token.replace(EDGES, "");
  if (!word) return false;
  return formsOf(word).some((form) => wanted.some((term) => form.startsWith(term)));
}

// The excerpt: EXCERPT_WORDS words of the page's visible text around most of the words
// that match, those marked; made of text nodes and <mark> elements, never parsed as HTML
// (the page's text is the content's, which may hold anything that looks like markup).
function excerpt(data, words) {
  const tokens = data.content.split(/[\r\n\s]+/);
  let end = tokens.indexOf(HIDDEN_FORMS);
  if (end < 0) end = tokens.length;
  const wanted = words.flatMap(formsOf);
  const marked = new Set((data.locations || []).filter((at) => at < end));
  for (let i = 0; i < end; i++) if (matches(tokens[i], wanted)) marked.add(i);
  const start = densest(Array.from(marked).sort((a, b) => a - b), end);
  const shown = document.createDocumentFragment();
  for (let at = start; at < Math.min(end, start + EXCERPT_WORDS); at++) {
    if (at > start) shown.append(" ");
    if (marked.has(at)) {
      const mark = document.createElement("mark");
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
  let best = 0, start = 0;
  for (let first = 0, last = 0; last < positions.length; last++) {
    while (positions[last] - positions[first] >= EXCERPT_WORDS) first++;
    if (last - first + 1 > best) {
      best = last - first + 1;
      start = positions[first];
    }
  }
  return Math.max(0, Math.min(start - 3, end - EXCERPT_WORDS));
}

const page = document.getElementById("briefing-search");
if (page) start(page);

function start(root) {
  const form = root.querySelector("form");
  const input = root.querySelector("input[type=search]");
  const status = root.querySelector("[data-briefing=search-status]");
  const groups = Array.from(root.querySelectorAll("[data-briefing=search-group]"));
  const strings = JSON.parse(root.dataset.strings);
  const lang = document.documentElement.lang;
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang + "-u-nu-" + strings.numbering, {useGrouping: false});
  const bundle = new URL(root.dataset.bundle, document.baseURI).href;
  let engine = null;
  let asked = 0;
  let waiting = null;

  // The bundles of each group (pagefind/LANG/NAME/: a group's pages shared out over one or more).
  const parts = {};
  groups.forEach((section) => { parts[section.dataset.group] = section.dataset.bundles.split(" "); });

  // One Pagefind for every bundle: the first loaded, the others merged into it, each
  // marked with its name (a filter made in the browser, Pagefind's mergeFilter), so
  // that the WebAssembly and the worker are fetched once.
  function pagefind() {
    if (!engine) {
      const names = groups.flatMap((section) => parts[section.dataset.group]);
      engine = import(bundle + names[0] + "/pagefind.js").then((module) => {
        return module.options({excerptLength: EXCERPT_WORDS, mergeFilter: {part: names[0]}}).then(() => {
          return Promise.all(names.slice(1).map((name) => {
            return module.mergeIndex(new URL(bundle + name + "/").pathname, {mergeFilter: {part: name}});
          }));
        }).then(() => module);
      });
    }
    return engine;
  }

  // The pages of ``group`` that hold every word of the query, best first: a page's score
  // is the sum, over the query's words, of its best score for a form of that word; among
  // the first NAMED_FIRST entities, those the query names exactly come first.
  function find(words, group) {
    return pagefind().then((module) => scored(module, words, group)).then((results) => {
      return group === "entities" ? namedFirst(results, words) : results;
    });
  }

  function namedFirst(results, words) {
    const wanted = nameKey(words.join(" "));
    const head = results.slice(0, NAMED_FIRST);
    return Promise.all(head.map((result) => result.data())).then((pages) => {
      const named = head.filter((result, index) => {
        return (pages[index].meta.names || "").split("|").some((name) => nameKey(name) === wanted);
      });
      return named.concat(results.filter((result) => !named.includes(result)));
    });
  }

  function scored(module, words, group) {
    return Promise.all(words.map((word) => lookUp(module, word, group))).then((found) => {
      let scores = found[0];
      found.slice(1).forEach((best) => {
        const both = new Map();
        scores.forEach((entry, id) => {
          if (best.has(id)) both.set(id, {result: entry.result, score: entry.score + best.get(id).score});
        });
        scores = both;
      });
      return Array.from(scores.values()).sort((a, b) => b.score - a.score).map((entry) => entry.result);
    });
  }

  // The pages of ``group`` holding ``word`` in one of its forms, by id, each with its best
  // score. An Arabic form's results in a bundle count only if the first of them holds it
  // as a word's start (Pagefind also finds it inside words), checked bundle by bundle
  // so that what is found does not depend on how the pages are shared out.
  function lookUp(module, word, group) {
    const searches = [];
    formsOf(word).forEach((form) => {
      parts[group].forEach((part) => searches.push(inPart(module, form, part)));
    });
    return Promise.all(searches).then((perForm) => {
      const best = new Map();
      perForm.forEach((results) => {
        results.forEach((result) => {
          const known = best.get(result.id);
          if (!known || known.score < result.score) best.set(result.id, {result: result, score: result.score});
        });
      });
      return best;
    });
  }

  function inPart(module, form, part) {
    return module.search(form, {filters: {part: part}}).then((search) => {
      const results = search ? search.results : [];
      if (!results.length || !ARABIC.test(form)) return results;
      return results[0].data().then((data) => holds(data.content, form) ? results : []);
    });
  }

  function resultItem(data, words, group) {
    const item = document.createElement("li");
    item.className = "briefing-search__result";
    item.setAttribute("data-briefing", "search-result");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    link.dir = "auto";
    const heading = document.createElement("h3");
    heading.appendChild(link);
    item.appendChild(heading);
    if (group === "articles" && data.meta.date) {
      const date = document.createElement("p");
      date.className = "briefing-search__date";
      date.textContent = data.meta.date;
      item.appendChild(date);
    }
    const text = document.createElement("p");
    text.className = "briefing-search__excerpt";
    text.dir = "auto";
    text.append(excerpt(data, words));
    item.appendChild(text);
    return item;
  }

  function showMore(section, results, words) {
    const list = section.querySelector("ol");
    const more = section.querySelector("button");
    const next = results.slice(list.children.length, list.children.length + PAGE_SIZE);
    return Promise.all(next.map((result) => result.data())).then((pages) => {
      pages.forEach((data) => list.appendChild(resultItem(data, words, section.dataset.group)));
      more.hidden = list.children.length >= results.length;
      more.onclick = () => showMore(section, results, words);
    });
  }

  function counted(count, query) {
    const template = count === 0 ? strings.search_none : strings["search_count_" + plural.select(count)] ||
      strings.search_count_other;
    // replaced by functions, so that a "$&" in the query is not read as a replacement pattern
    return template.replace("{count}", () => numbers.format(count)).replace("{term}", () => query);
  }

  function run(query) {
    const ticket = ++asked;
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return show(ticket, null, [], []);
    const found = groups.map((section) => find(words, section.dataset.group));
    return Promise.all(found).then((results) => show(ticket, query.trim(), words, results), (error) => {
      status.textContent = strings.search_failed;
      throw error;
    });
  }

  function show(ticket, query, words, found) {
    if (ticket !== asked) return null;  // a newer query was typed meanwhile
    let total = 0;
    groups.forEach((section, index) => {
      const results = found[index] || [];
      total += results.length;
      section.querySelector("ol").textContent = "";
      section.hidden = results.length === 0;
    });
    status.textContent = query === null ? "" : counted(total, query);
    return Promise.all(groups.map((section, index) => {
      return found[index] && found[index].length ? showMore(section, found[index], words) : null;
    }));
  }

  function ask(query) {
    const address = new URL(location.href);
    if (query.trim()) address.searchParams.set("q", query.trim());
    else address.searchParams.delete("q");
    history.replaceState(null, "", address);
    return run(query);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(waiting);
    ask(input.value);
  });
  input.addEventListener("input", () => {
    clearTimeout(waiting);
    waiting = setTimeout(() => ask(input.value), WAIT_MS);
  });
  const given = new URL(location.href).searchParams.get("q");
  if (given) {
    input.value = given;
    run(given);
  }
}
