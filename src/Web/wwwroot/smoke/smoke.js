// No tile layer: tiles come from a tile server these machines cannot reach, and the map must work without them.
(() => {
  const start = [52.3700, 4.8900];
  const stepEast = 0.02; // degrees of longitude per click: about 115 px at zoom 13

  const map = L.map('map').setView(start, 13);
  const icon = L.divIcon({ className: 'smoke-marker', iconSize: [22, 22], iconAnchor: [11, 11] });
  const marker = L.marker(start, { icon, title: 'Smoke marker' }).addTo(map);

  document.getElementById('move-marker').addEventListener('click', () => {
    const here = marker.getLatLng();
    marker.setLatLng([here.lat, here.lng + stepEast]);
  });
})();
