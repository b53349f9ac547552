// The network map: draws /network/graph.json with Cytoscape.js, nodes coloured by sector, and
// highlights the people whose names match the search. The table view says the same without it.
const box = document.getElementById('network-map');
const legend = document.getElementById('network-legend');
// Colour-blind-safe colours (Okabe-Ito, then Tol's muted), one per sector in the order met.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288',
  '#117733', '#882255', '#44AA99', '#999933', '#AA4499', '#6699CC'];

async function draw() {
  if (!box || typeof window.cytoscape !== 'function') {
    return;
  }
  box.classList.add('convene-network--drawing');
  const started = performance.now();
  const response = await fetch(box.dataset.graph, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    box.textContent = 'The map could not be drawn; the table view has the same people and ties.';
    return;
  }
  const graph = await response.json();
  const colours = new Map();
  for (const node of graph.nodes) {
    if (!colours.has(node.sector)) {
      colours.set(node.sector, { colour: PALETTE[colours.size % PALETTE.length], name: node.sectorName, people: 0 });
    }
    colours.get(node.sector).people++;
  }
  const search = (box.dataset.search || '').toLowerCase();
  const elements = graph.nodes.map((n) => ({
    data: { id: String(n.id), label: n.name, colour: colours.get(n.sector).colour, size: 8 + Math.min(20, n.ties * 2) },
    classes: search && n.name.toLowerCase().includes(search) ? 'found' : '',
  }));
  for (const e of graph.edges) {
    elements.push({ data: { id: e.a + '-' + e.b, source: String(e.a), target: String(e.b) } });
  }
  // Cytoscape adds a <style> element unless one with this id exists; the CSP forbids inline styles,
  // so its one rule (position: relative) is in convene.css and an empty marker stands in for it.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.append(marker);
  }
  const cy = window.cytoscape({
    container: box,
    elements,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', 'border-width': 1, 'border-color': '#0b0c0c' } },
      { selector: 'node.found', style: { 'border-width': 4, 'border-color': '#ffdd00', label: 'data(label)', 'font-size': 14 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#b1b4b6' } },
    ],
    layout: { name: graph.nodes.length > 600 ? 'concentric' : 'cose', animate: false, numIter: 400, randomize: false },
    minZoom: 0.1,
    maxZoom: 4,
  });
  const found = cy.nodes('.found');
  if (found.length > 0) {
    cy.fit(found.closedNeighborhood(), 40);
  }
  cy.on('tap', 'node', (event) => {
    window.location.href = '/people/' + event.target.id();
  });
  if (legend) {
    const list = document.createElement('ul');
    list.className = 'govuk-list convene-legend__list';
    for (const sector of colours.values()) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'convene-legend__swatch';
      swatch.style.backgroundColor = sector.colour;
      item.append(swatch, ' ' + sector.name + ' (' + sector.people + ')');
      list.append(item);
    }
    legend.replaceChildren(list);
  }
  box.classList.remove('convene-network--drawing');
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
  box.dataset.millis = String(Math.round(performance.now() - started));
  const status = document.getElementById('network-status');
  if (status && found.length > 0) {
    status.append(' ' + found.length + (found.length === 1 ? ' person matches' : ' people match') + ' the search, outlined in yellow.');
  }
}

draw();
