// Draws each .briefing-map: its points (name, lat, lon, url, count) as markers on OSM tiles.
// The container is dir="ltr" so Leaflet's layout is not mirrored on Arabic pages; names,
// counts and the zoom buttons' titles come from the page, in its language.
(function () {
  if (!window.L) return;
  window.briefingMaps = [];
  document.querySelectorAll(".briefing-map").forEach(function (element) {
    var points = JSON.parse(element.dataset.points);
    var map = L.map(element, {zoomControl: false, attributionControl: true});
    L.control.zoom({zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut}).addTo(map);
    L.tileLayer(element.dataset.tiles, {attribution: element.dataset.attribution, maxZoom: 18}).addTo(map);
    var markers = points.map(function (point) {
      var label = document.createElement("a");
      label.href = point.url;
      label.textContent = point.name + (point.count ? " (" + point.count + ")" : "");
      label.dir = "auto";
      return L.marker([point.lat, point.lon], {title: point.name, alt: point.name})
        .bindPopup(label).addTo(map);
    });
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), Number(element.dataset.zoom));
    } else {
      map.fitBounds(L.featureGroup(markers).getBounds(), {padding: [30, 30], maxZoom: 9});
    }
    window.briefingMaps.push({map: map, markers: markers});
  });
})();
