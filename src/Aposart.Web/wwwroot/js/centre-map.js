// The centre form's map: a click places the centre and fills its latitude and longitude; typing them (or choosing a
// commune while they are empty) moves the marker. The projection is the server's, given in data-projection.
(function () {
    var frame = document.querySelector('.centre-map');
    if (!frame) { return; }
    var projection = JSON.parse(frame.dataset.projection);
    var middles = JSON.parse(frame.dataset.middles);
    var svg = frame.querySelector('svg');
    var latitude = document.getElementById('Input_Latitude');
    var longitude = document.getElementById('Input_Longitude');
    var commune = document.getElementById('Input_CommuneInsee');
    var clear = document.getElementById('centre-map-clear');
    var ns = 'http://www.w3.org/2000/svg';
    var marker = svg.querySelector('.map-marker circle');
    if (!marker) {
        var group = document.createElementNS(ns, 'g');
        group.setAttribute('class', 'map-marker');
        marker = document.createElementNS(ns, 'circle');
        marker.setAttribute('r', '8.8');
        marker.setAttribute('fill', '#b3261e');
        marker.setAttribute('stroke', '#ffffff');
        marker.setAttribute('stroke-width', '2.5');
        marker.setAttribute('visibility', 'hidden');
        group.appendChild(marker);
        svg.appendChild(group);
    }
    svg.style.cursor = 'crosshair';

    function parse(input) {
        var value = parseFloat((input.value || '').replace(/\s/g, '').replace(',', '.'));
        return isNaN(value) ? null : value;
    }
    function french(value) { return value.toFixed(6).replace('.', ','); }
    function place(lat, lon) {
        marker.setAttribute('cx', projection.padding + (lon - projection.west) * projection.cos * projection.scale);
        marker.setAttribute('cy', projection.padding + (projection.north - lat) * projection.scale);
        marker.setAttribute('visibility', 'visible');
    }
    function refresh() {
        var lat = parse(latitude), lon = parse(longitude);
        if (lat !== null && lon !== null) { place(lat, lon); }
        else if (commune && middles[commune.value]) { place(middles[commune.value][0], middles[commune.value][1]); }
        else { marker.setAttribute('visibility', 'hidden'); }
        clear.hidden = latitude.value === '' && longitude.value === '';
    }
    svg.addEventListener('click', function (event) {
        var point = svg.createSVGPoint();
        point.x = event.clientX;
        point.y = event.clientY;
        var local = point.matrixTransform(svg.getScreenCTM().inverse());
        latitude.value = french(projection.north - (local.y - projection.padding) / projection.scale);
        longitude.value = french(projection.west + (local.x - projection.padding) / (projection.cos * projection.scale));
        refresh();
    });
    [latitude, longitude].forEach(function (input) { input.addEventListener('input', refresh); });
    if (commune) { commune.addEventListener('change', refresh); }
    clear.addEventListener('click', function () { latitude.value = ''; longitude.value = ''; refresh(); });
    refresh();
})();
