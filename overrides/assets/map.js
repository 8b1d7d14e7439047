// The site's maps, on OSM tiles: makeMap(element) makes one from the element's data
// (tiles and their credit in the page's language, the zoom buttons' titles), and each
// .briefing-map with points (name, lat, lon, url, count) is drawn with them as markers.
// A place's name is the content's, and may hold anything that looks like markup: it is
// only ever put in the page as text (textContent, or an element built so handed to
// Leaflet, which reads a string as HTML), never as a string of HTML.
// The container is dir="ltr" so Leaflet's layout is not mirrored on Arabic pages.
//
// A map does not take the page's scrolling: it moves and zooms under a finger or the
// wheel only once the reader has clicked or tapped it (or reached it with the keyboard);
// until then a line on it says so.
//
// Leaflet is a classic script (the global L): loaded by the page before this module runs
// (the events page), or fetched by this module when a map first needs it.
const LIBRARY = '<a href="https://leafletjs.com" hreflang="en">Leaflet</a>';  // without Leaflet's flag
const LABELLED = 12;  // up to this many markers carry their place's name; more would hide one another
const images = new URL("vendor/leaflet/images/", import.meta.url).href;
// Leaflet's marker, drawn by Leaflet and by a place's picture alike: its size, and its tip
// (the anchor, at the point) from its top left corner.
const MARKER = {width: 25, height: 41, tipX: 12, tipY: 41};
const LABEL_GAP = 6;  // between a marker's top and its name's box (Leaflet's .leaflet-tooltip-top margin)
let icon;  // made once Leaflet is there

// Leaflet's marker without its shadow, whose image has no high-resolution version (blurred on phones).
export function markerIcon() {
  icon = icon || L.icon({
    iconUrl: images + "marker-icon.png", iconRetinaUrl: images + "marker-icon-2x.png",
    iconSize: [MARKER.width, MARKER.height], iconAnchor: [MARKER.tipX, MARKER.tipY], popupAnchor: [1, -34],
    tooltipAnchor: [0, -MARKER.tipY]});
  return icon;
}

// active: the reader has already asked for the map (by tapping its picture), so it moves at once.
export function makeMap(element, active) {
  element.hidden = false;  // hidden without JavaScript, where it would be an empty box
  const touch = matchMedia("(pointer: coarse)").matches;
  const map = L.map(element, {zoomControl: false, scrollWheelZoom: false, dragging: !touch, tap: false});
  map.attributionControl.setPrefix(LIBRARY);
  L.control.zoom({zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut}).addTo(map);
  L.tileLayer(element.dataset.tiles, {attribution: element.dataset.attribution, maxZoom: 18, detectRetina: true})
    .addTo(map);
  element.dataset.active = "false";
  function activate() {
    map.scrollWheelZoom.enable();
    map.dragging.enable();
    element.dataset.active = "true";
  }
  if (active) activate();
  map.once("click", activate);
  element.addEventListener("focus", activate, {once: true});
  return map;
}

function placed(map, point, labelled) {
  const label = document.createElement("a");
  label.href = point.url;
  label.textContent = point.name + (point.count ? " (" + point.count + ")" : "");
  label.dir = "auto";
  const marker = L.marker([point.lat, point.lon], {icon: markerIcon(), title: point.name, alt: point.name})
    .bindPopup(label).addTo(map);
  if (labelled) {  // an element holding the name as text: Leaflet would take a string for HTML
    const name = document.createElement("span");
    name.textContent = point.name;
    marker.bindTooltip(name, {permanent: true, direction: "top", className: "briefing-map__label"});
  }
  return marker;
}

// Leaflet's map of the points (a map of many once it comes near the screen, a place's once
// the reader takes up its picture), in two tasks, the map then its markers, so that a phone
// does not stall for the whole drawing at once.
function draw(element, points, active) {
  const map = makeMap(element, active);
  setTimeout(() => {
    const markers = points.map((point) => placed(map, point, points.length <= LABELLED));
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), Number(element.dataset.zoom));
    } else {  // room above each point for its marker and its name
      map.fitBounds(L.featureGroup(markers).getBounds(),
                    {paddingTopLeft: [40, 80], paddingBottomRight: [40, 20], maxZoom: 9});
    }
  }, 0);
}

// Where a point is in the world's pixels at a zoom, as the tiles are cut (Web Mercator,
// the world 256 × 2^zoom pixels square).
function pixel(point, zoom) {
  const size = 256 * Math.pow(2, zoom), sin = Math.sin(point.lat * Math.PI / 180);
  return {x: (point.lon + 180) / 360 * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size};
}

// A tile's address from the template, as Leaflet fills it ({s} a server, the world repeated sideways).
function tileAddress(template, zoom, x, y) {
  const across = Math.pow(2, zoom), values = {z: zoom, x: ((x % across) + across) % across, y: y,
                                              s: "abc"[Math.abs(x + y) % 3], r: ""};
  return template.replace(/\{(\w+)\}/g, (whole, key) => key in values ? values[key] : whole);
}

// The tiles over a view whose top left corner is (left, top) in the world's pixels at zoom,
// as Leaflet's detectRetina lays them: on a screen of more than one pixel per CSS pixel,
// the next zoom's tiles at half size, so that the map is as sharp as the page's text.
function tiles(template, zoom, left, top, width, height) {
  const sharp = devicePixelRatio > 1, size = sharp ? 128 : 256, tileZoom = sharp ? zoom + 1 : zoom;
  const laid = [];
  for (let x = Math.floor(left / size); x * size < left + width; x++) {
    for (let y = Math.max(0, Math.floor(top / size)); y * size < top + height && y < Math.pow(2, tileZoom); y++) {
      const tile = placedAt("img", "briefing-map__tile", x * size - left, y * size - top, size, size);
      tile.alt = "";
      tile.decoding = "async";  // decoded off the page's thread
      tile.fetchPriority = "low";  // after the page's own text, styles and scripts
      tile.src = tileAddress(template, tileZoom, x, y);
      laid.push(tile);
    }
  }
  return laid;
}

// An element at (left, top) in a place's picture, of the size given, if one is.
function placedAt(tag, className, left, top, width, height) {
  const node = document.createElement(tag);
  node.className = className;
  node.style.left = left + "px";
  node.style.top = top + "px";
  if (width) {
    node.style.width = width + "px";
    node.style.height = height + "px";
  }
  return node;
}

// A map of one place is first its picture: the tiles around it, its marker and name, as
// Leaflet would draw them, made without Leaflet. The reader's first tap, click or key on it
// fetches Leaflet and puts the moving map in its place at the same view, so a place's page
// opens without Leaflet's download or work and nothing moves when the map takes over.
// box: the map's size, as the observer measured it (measuring it again would lay the page out).
function picture(element, point, box) {
  const zoom = Number(element.dataset.zoom);
  const width = Math.round(box.width), height = Math.round(box.height), exact = pixel(point, zoom);
  // rounded as Leaflet rounds its view's corner and its markers, so that nothing moves when it takes over
  const left = Math.round(exact.x - width / 2), top = Math.round(exact.y - height / 2);
  const at = {x: Math.round(exact.x), y: Math.round(exact.y)};
  const shown = document.createElement("div");
  shown.className = "briefing-map__picture";
  tiles(element.dataset.tiles, zoom, left, top, width, height).forEach((tile) => shown.append(tile));
  const marker = placedAt("img", "briefing-map__marker", at.x - left - MARKER.tipX, at.y - top - MARKER.tipY,
                          MARKER.width, MARKER.height);
  marker.src = images + "marker-icon-2x.png";
  marker.alt = "";
  const name = placedAt("span", "briefing-map__label", at.x - left, at.y - top - MARKER.tipY - LABEL_GAP);
  name.textContent = point.name;
  const credit = document.createElement("div");
  credit.className = "briefing-map__credit";
  credit.innerHTML = element.dataset.attribution;  // the site's own credit, as Leaflet shows it
  shown.append(marker, name, credit);
  element.append(shown);
  element.dataset.active = "false";
  function takeOver() {
    element.removeEventListener("click", takeOver);
    element.removeEventListener("focus", takeOver);
    withLeaflet(() => {
      draw(element, [point], true);
      setTimeout(() => shown.remove(), 0);  // once the map has its view and markers, over it
    });
  }
  element.addEventListener("click", takeOver);
  element.addEventListener("focus", takeOver);
}

let leaflet;  // the script element fetching Leaflet, once a map needs it
function withLeaflet(then) {
  if (typeof L !== "undefined") {
    then();
    return;
  }
  if (!leaflet) {
    leaflet = document.createElement("script");
    leaflet.src = new URL("vendor/leaflet/leaflet.js", import.meta.url).href;
    document.head.append(leaflet);
  }
  leaflet.addEventListener("load", then);
}

const near = new IntersectionObserver((entries) => {
  entries.forEach((entry) => {
    if (!entry.isIntersecting) return;
    near.unobserve(entry.target);
    const points = JSON.parse(entry.target.dataset.points);
    if (points.length === 1) {
      picture(entry.target, points[0], entry.boundingClientRect);
    } else {
      withLeaflet(() => draw(entry.target, points));
    }
  });
}, {rootMargin: "200px"});
document.querySelectorAll(".briefing-map[data-points]").forEach((element) => {
  element.hidden = false;  // already shown by the page's own line, unless that did not run
  near.observe(element);
});
