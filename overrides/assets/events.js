// The events page: maps the events of the chosen types and periods, clustered, and lists
// them (the list is the map's text alternative). Each period's events are a JSON file,
// newest first, fetched once, when first needed; the page starts with the newest periods,
// whose events its HTML already lists. The map is dir="ltr" so that Leaflet's layout is
// not mirrored on Arabic pages; every text comes from the page, in its language.
(function () {
  var element = document.querySelector("[data-briefing=events-map]");
  var form = document.querySelector("[data-briefing=event-filters]");
  if (!element || !form || !window.briefingMap || !L.markerClusterGroup || !window.fetch) return;
  var list = document.querySelector("[data-briefing=event-list]");
  var status = document.querySelector("[data-briefing=event-status]");
  var periods = JSON.parse(element.dataset.periods);
  var typeLabels = JSON.parse(element.dataset.types);
  var strings = JSON.parse(element.dataset.strings);
  var root = new URL(element.dataset.root.replace(/\/?$/, "/"), document.baseURI);
  // Written as the build writes numbers (Locale.number): the page's digits, no grouping.
  var numbers = new Intl.NumberFormat(element.dataset.lang + "-u-nu-" + strings.numbering, {useGrouping: false});
  var loaded = {};

  function load(period) {
    if (!loaded[period.key]) {
      loaded[period.key] = fetch(new URL(period.url, root)).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + period.url);
        return response.json();
      });
    }
    return loaded[period.key];
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  // [text, site path, language] as the page's own links: the text isolated in its language.
  function link(item) {
    var anchor = document.createElement("a");
    var text = document.createElement("bdi");
    anchor.href = new URL(item[1], root).href;
    text.lang = item[2];
    text.dir = item[2] === "ar" ? "rtl" : "ltr";
    text.textContent = item[0];
    anchor.append(text);
    return anchor;
  }

  function appendLinks(parent, items) {
    items.forEach(function (item, index) {
      if (index) parent.append(strings.list_separator);
      parent.append(link(item));
    });
  }

  // The same markup as the page's template (macros.html, event_item).
  function item(event) {
    var entry = document.createElement("li");
    var time = document.createElement("time");
    var subType = document.createElement("strong");
    var sides = document.createElement("small");
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
      var deaths = document.createElement("bdi");
      deaths.dir = "ltr";
      deaths.textContent = event.fatalities;
      sides.append(" · " + strings.fatalities + ": ", deaths);
    }
    entry.append(document.createElement("br"), sides);
    if (event.article) {
      var reported = document.createElement("small");
      reported.append(strings.reported_in + ": ", link(event.article));
      entry.append(document.createElement("br"), reported);
    }
    return entry;
  }

  function marker(event) {
    var name = event.place[0] + " — " + event.sub_type;
    return L.marker([event.lat, event.lon], {icon: window.briefingMarker(), title: name, alt: name}).bindPopup(function () {
      var box = document.createElement("ul");
      box.className = "briefing-list";
      box.dir = document.documentElement.dir;
      box.append(item(event));
      return box;
    });
  }

  function choice() {
    var keys = periods.map(function (period) { return period.key; });
    var from = keys.indexOf(form.elements.from.value);
    var to = keys.indexOf(form.elements.to.value);
    if (from > to) { var swap = from; from = to; to = swap; }
    var types = {};
    form.querySelectorAll("input[name=type]:checked").forEach(function (box) { types[box.value] = true; });
    return {periods: periods.slice(from, to + 1), types: types, start: periods[from].label, end: periods[to].label};
  }

  var map = window.briefingMap(element);
  map.fitWorld();
  var cluster = L.markerClusterGroup({maxClusterRadius: 50}).addTo(map);

  function show(events, chosen) {
    var markers = [];
    var listed = document.createDocumentFragment();
    events.forEach(function (event) {
      if (event.lat !== null) markers.push(marker(event));
      listed.append(item(event));
    });
    cluster.clearLayers();
    cluster.addLayers(markers);
    if (markers.length) map.fitBounds(cluster.getBounds(), {padding: [30, 30], maxZoom: 9});
    list.replaceChildren(listed);
    var text = fill(strings.events_showing, {count: numbers.format(events.length), start: chosen.start, end: chosen.end});
    var unmapped = events.length - markers.length;
    if (unmapped) text += " " + fill(strings.events_unmapped, {count: numbers.format(unmapped)});
    status.textContent = text;
  }

  var latest = 0;
  function update() {
    var chosen = choice();
    var request = ++latest;
    Promise.all(chosen.periods.map(load)).then(function (files) {
      if (request !== latest) return;  // a newer choice was made meanwhile
      var events = [];
      for (var index = files.length - 1; index >= 0; index--) {
        files[index].forEach(function (event) { if (chosen.types[event.type]) events.push(event); });
      }
      show(events, chosen);
    }).catch(function (error) { status.textContent = error.message; });
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  window.briefingEvents = {map: map, cluster: cluster};
  update();
})();
