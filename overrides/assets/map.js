// The site's maps, on OSM tiles: briefingMap(element) makes one from the element's data
// (tiles and their credit in the page's language, the zoom buttons' titles), and each
// .briefing-map with points (name, lat, lon, url, count) is drawn with them as markers.
// The container is dir="ltr" so Leaflet's layout is not mirrored on Arabic pages.
//
// A map does not take the page's scrolling: it moves and zooms under a finger or the
// wheel only once the reader has clicked or tapped it (or reached it with the keyboard);
// until then a line on it says so.
(function () {
  if (!window.L) return;
  var LIBRARY = '<a href="https://leafletjs.com" hreflang="en">Leaflet</a>';  // without Leaflet's flag
  var LABELLED = 12;  // up to this many markers carry their place's name; more would hide one another
  // Leaflet's marker without its shadow, whose image has no high-resolution version (blurred on phones).
  var images = new URL("vendor/leaflet/images/", document.currentScript.src).href;
  var MARKER = window.briefingMarker = L.icon({
    iconUrl: images + "marker-icon.png", iconRetinaUrl: images + "marker-icon-2x.png",
    iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], tooltipAnchor: [16, -28]});

  window.briefingMap = function (element) {
    element.hidden = false;  // hidden without JavaScript, where it would be an empty box
    var touch = window.matchMedia("(pointer: coarse)").matches;
    var map = L.map(element, {zoomControl: false, scrollWheelZoom: false, dragging: !touch, tap: false});
    map.attributionControl.setPrefix(LIBRARY);
    L.control.zoom({zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut}).addTo(map);
    L.tileLayer(element.dataset.tiles, {attribution: element.dataset.attribution, maxZoom: 18}).addTo(map);
    element.dataset.active = "false";
    function activate() {
      map.scrollWheelZoom.enable();
      map.dragging.enable();
      element.dataset.active = "true";
    }
    map.once("click", activate);
    element.addEventListener("focus", activate, {once: true});
    return map;
  };

  function placed(map, point, labelled) {
    var label = document.createElement("a");
    label.href = point.url;
    label.textContent = point.name + (point.count ? " (" + point.count + ")" : "");
    label.dir = "auto";
    var marker = L.marker([point.lat, point.lon], {icon: MARKER, title: point.name, alt: point.name})
      .bindPopup(label).addTo(map);
    if (labelled) {
      marker.bindTooltip(point.name, {permanent: true, direction: "top", offset: [0, -38],
                                      className: "briefing-map__label"});
    }
    return marker;
  }

  // A map of points is drawn once it comes near the screen (a page opens without Leaflet's
  // work or the tiles' requests for a map the reader has not reached), in two tasks, the
  // map then its markers, so that a phone does not stall for the whole drawing at once.
  function draw(element) {
    var points = JSON.parse(element.dataset.points);
    var map = window.briefingMap(element);
    setTimeout(function () {
      var markers = points.map(function (point) { return placed(map, point, points.length <= LABELLED); });
      if (markers.length === 1) {
        map.setView(markers[0].getLatLng(), Number(element.dataset.zoom));
      } else {  // room above each point for its marker and its name
        map.fitBounds(L.featureGroup(markers).getBounds(),
                      {paddingTopLeft: [40, 80], paddingBottomRight: [40, 20], maxZoom: 9});
      }
      window.briefingMaps.push({map: map, markers: markers});
    }, 0);
  }

  window.briefingMaps = [];
  var near = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      near.unobserve(entry.target);
      draw(entry.target);
    });
  }, {rootMargin: "200px"});
  document.querySelectorAll(".briefing-map[data-points]").forEach(function (element) {
    element.hidden = false;  // already shown by the page's own line, unless that did not run
    near.observe(element);
  });
})();
