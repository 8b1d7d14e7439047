// The events page: maps the events of the chosen types and periods, clustered, and lists
// them (the list is the map's text alternative). Each period's events are a JSON file,
// newest first, fetched once, when first needed; the page starts with the newest periods,
// whose events its HTML already lists. The map is dir="ltr" so that Leaflet's layout is
// not mirrored on Arabic pages; every text comes from the page, in its language.
// Leaflet and its marker clusters are classic scripts (the global L) the page loads first.
import {makeMap, markerIcon} from "./map.js";

const element = document.querySelector("[data-briefing=events-map]");
const form = document.querySelector("[data-briefing=event-filters]");
if (element && form && typeof L !== "undefined" && L.markerClusterGroup) start(element, form);

function start(element, form) {
  const list = document.querySelector("[data-briefing=event-list]");
  const status = document.querySelector("[data-briefing=event-status]");
  const periods = JSON.parse(element.dataset.periods);
  const typeLabels = JSON.parse(element.dataset.types);
  const strings = JSON.parse(element.dataset.strings);
  const root = new URL(element.dataset.root.replace(/\/?$/, "/"), document.baseURI);
  // Written as the build writes numbers (Locale.number): the page's digits, no grouping.
  const numbers = new Intl.NumberFormat(element.dataset.lang + "-u-nu-" + strings.numbering, {useGrouping: false});
  const loaded = {};

  function load(period) {
    if (!loaded[period.key]) {
      loaded[period.key] = fetch(new URL(period.url, root)).then((response) => {
        if (!response.ok) throw new Error(response.status + " " + period.url);
        return response.json();
      });
    }
    return loaded[period.key];
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  }

  // [text, site path, language] as the page's own links: the text isolated in its language.
  function link(item) {
    const anchor = document.createElement("a");
    const text = document.createElement("bdi");
    anchor.href = new URL(item[1], root).href;
    text.lang = item[2];
    text.dir = item[2] === "ar" ? "rtl" : "ltr";
    text.textContent = item[0];
    anchor.append(text);
    return anchor;
  }

  function appendLinks(parent, items) {
    items.forEach((item, index) => {
      if (index) parent.append(strings.list_separator);
      parent.append(link(item));
    });
  }

  // The same markup as the page's template (macros.html, event_item).
  function item(event) {
    const entry = document.createElement("li");
    const time = document.createElement("time");
    const subType = document.createElement("strong");
    const sides = document.createElement("small");
    entry.dataset.briefing = "event";
    entry.dataset.type = event.type;
    time.dateTime = event.iso;
    time.textContent = event.date;
    subType.textContent = event.sub_type;
    entry.append(time, ": ", subType, " (" + typeLabels[event.type] + ")" + strings.list_separator, link(event.place));
    sides.append(strings.side_a + ": ");
    appendLinks(sides, event.side_a);
    if (event.side_b.length) {
      sides.append(" · " + strings.side_b + ": ");
      appendLinks(sides, event.side_b);
    }
    if (event.fatalities) {
      const deaths = document.createElement("bdi");
      deaths.dir = "ltr";
      deaths.textContent = event.fatalities;
      sides.append(" · " + strings.fatalities + ": ", deaths);
    }
    entry.append(document.createElement("br"), sides);
    if (event.article) {
      const reported = document.createElement("small");
      reported.append(strings.reported_in + ": ", link(event.article));
      entry.append(document.createElement("br"), reported);
    }
    return entry;
  }

  function marker(event) {
    const name = event.place[0] + " — " + event.sub_type;
    return L.marker([event.lat, event.lon], {icon: markerIcon(), title: name, alt: name}).bindPopup(() => {
      const box = document.createElement("ul");
      box.className = "briefing-list";
      box.dir = document.documentElement.dir;
      box.append(item(event));
      return box;
    });
  }

  function choice() {
    const keys = periods.map((period) => period.key);
    const chosen = [keys.indexOf(form.elements.from.value), keys.indexOf(form.elements.to.value)];
    const from = Math.min(...chosen), to = Math.max(...chosen);
    const types = {};
    form.querySelectorAll("input[name=type]:checked").forEach((box) => { types[box.value] = true; });
    return {periods: periods.slice(from, to + 1), types: types, start: periods[from].label, end: periods[to].label};
  }

  const map = makeMap(element);
  map.fitWorld();
  const cluster = L.markerClusterGroup({maxClusterRadius: 50}).addTo(map);

  function show(events, chosen) {
    const markers = [];
    const listed = document.createDocumentFragment();
    events.forEach((event) => {
      if (event.lat !== null) markers.push(marker(event));
      listed.append(item(event));
    });
    cluster.clearLayers();
    cluster.addLayers(markers);
    if (markers.length) map.fitBounds(cluster.getBounds(), {padding: [30, 30], maxZoom: 9});
    list.replaceChildren(listed);
    let text = fill(strings.events_showing, {count: numbers.format(events.length), start: chosen.start, end: chosen.end});
    const unmapped = events.length - markers.length;
    if (unmapped) text += " " + fill(strings.events_unmapped, {count: numbers.format(unmapped)});
    status.textContent = text;
  }

  let latest = 0;
  function update() {
    const chosen = choice();
    const request = ++latest;
    Promise.all(chosen.periods.map(load)).then((files) => {
      if (request !== latest) return;  // a newer choice was made meanwhile
      const events = [];
      for (let index = files.length - 1; index >= 0; index--) {
        files[index].forEach((event) => { if (chosen.types[event.type]) events.push(event); });
      }
      show(events, chosen);
    }).catch((error) => { status.textContent = error.message; });
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update();
}
