// The pricefeed dashboard: renders the state pushed over /events. Every string from an exchange or a configuration
// goes into the page as text (textContent, attributes), never as markup.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const STATES = ['IDLE', 'CONNECTING', 'SUBSCRIBING', 'STREAMING', 'BACKOFF', 'POLLING', 'CLOSED'];
  const feedsBox = document.getElementById('feeds');
  const pricesBody = document.querySelector('#prices tbody');
  const eventsList = document.getElementById('events');
  const health = document.getElementById('health');
  const connection = document.getElementById('connection');
  const updated = document.getElementById('updated');
  const lastPrices = new Map();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function duration(ms) {
    const s = Math.floor(ms / 1000);
    if (s < 60) {
      return s + ' s';
    }
    if (s < 3600) {
      return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    }
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function age(ms) {
    if (ms === undefined || ms === null) {
      return '–';
    }
    return ms < 10000 ? (ms / 1000).toFixed(1) + ' s' : duration(ms);
  }

  function stateClass(state) {
    return STATES.includes(state) ? 'state state-' + state.toLowerCase() : 'state';
  }

  function sparkline(values) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 120 24');
    svg.setAttribute('preserveAspectRatio', 'none');
    const numbers = values.map(Number).filter(Number.isFinite).slice(-60);
    if (numbers.length > 1) {
      const max = Math.max(1, ...numbers);
      const step = 120 / (numbers.length - 1);
      const points = numbers.map((v, i) => (i * step).toFixed(1) + ',' + (23 - (v / max) * 22).toFixed(1));
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.join(' '));
      svg.appendChild(line);
    }
    return svg;
  }

  function latency(value) {
    if (!value || value.count === 0 || value.p50Millis === undefined) {
      return '–';
    }
    return value.p50Millis.toFixed(1) + ' / ' + value.p99Millis.toFixed(1) + ' ms';
  }

  function row(list, label, value) {
    list.appendChild(el('dt', null, label));
    const dd = el('dd');
    if (value instanceof Node) {
      dd.appendChild(value);
    } else {
      dd.textContent = String(value);
    }
    list.appendChild(dd);
    return dd;
  }

  function feedCard(feed) {
    const card = el('div', feed.healthy ? 'feed' : 'feed unhealthy');
    card.dataset.exchange = feed.exchange;
    const title = el('h3');
    title.appendChild(el('span', 'exchange', feed.exchange));
    title.appendChild(el('span', stateClass(feed.state), feed.state));
    card.appendChild(title);
    card.appendChild(el('div', 'since', 'for ' + duration(feed.inStateMillis)));
    card.appendChild(el('div', 'reason', feed.reason || ''));
    const list = el('dl');
    const rate = row(list, 'frames/s', '');
    rate.appendChild(el('span', 'rate', feed.framesPerSecond.toFixed(1)));
    rate.appendChild(sparkline(feed.rateHistory));
    row(list, 'reconnects', feed.reconnects).classList.add('reconnects');
    row(list, 'latency p50/p99', latency(feed.exchangeLatency)).classList.add('latency');
    row(list, 'delivery p50/p99', latency(feed.deliveryLatency)).classList.add('delivery');
    row(list, 'last frame', age(feed.lastFrameAgeMillis)).classList.add('last-frame');
    if (feed.staleInstruments.length > 0) {
      row(list, 'stale', feed.staleInstruments.join(', ')).classList.add('stale-list');
    }
    card.appendChild(list);
    return card;
  }

  function cell(text, className) {
    return el('td', className, text === undefined ? '' : text);
  }

  function priceRow(price) {
    const tr = el('tr', price.stale ? 'stale' : null);
    tr.dataset.exchange = price.exchange;
    tr.dataset.instrument = price.instrument;
    tr.appendChild(cell(price.exchange));
    const name = cell(price.instrument, 'instrument');
    if (price.stale) {
      name.appendChild(el('span', 'stale-mark', 'stale'));
    }
    tr.appendChild(name);
    const key = price.exchange + ' ' + price.instrument;
    const changed = lastPrices.has(key) && lastPrices.get(key) !== price.last;
    lastPrices.set(key, price.last);
    tr.appendChild(cell(price.last, 'num last' + (changed ? ' changed' : '')));
    tr.appendChild(cell(price.bid, 'num bid'));
    tr.appendChild(cell(price.ask, 'num ask'));
    tr.appendChild(cell(price.spread, 'num spread'));
    let change = price.change24h === undefined ? '' : price.change24h;
    if (price.change24hPercent !== undefined) {
      change += ' (' + price.change24hPercent + ' %)';
    }
    let direction = '';
    if (price.change24h !== undefined && !/^[-+]?0*\.?0*$/.test(price.change24h)) {
      direction = price.change24h.startsWith('-') ? ' down' : ' up';
    }
    tr.appendChild(cell(change, 'num change' + direction));
    tr.appendChild(cell(age(price.ageMillis), 'num age'));
    return tr;
  }

  // "PT1M3.5S" as "63.5 s"; anything else as sent
  function isoSeconds(text) {
    const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(text));
    if (!match) {
      return String(text);
    }
    const seconds = Number(match[1] || 0) * 3600 + Number(match[2] || 0) * 60 + Number(match[3] || 0);
    return seconds.toFixed(1) + ' s';
  }

  function eventText(e) {
    switch (e.type) {
      case 'state':
        return e.from + ' → ' + e.to + (e.reason ? ' (' + e.reason + ')' : '');
      case 'error':
        return (e.code ? '[' + e.code + '] ' : '') + (e.instrument ? e.instrument + ': ' : '') + (e.message || '');
      case 'gap':
        return (e.instrument || '') + ' ' + e.stream + ': missed ' + e.missed + ' (' + e.firstMissing + '..'
            + e.lastMissing + ')';
      case 'stale':
        return e.instrument + ' silent for ' + isoSeconds(e.silentFor);
      case 'fresh':
        return e.instrument + ' flowing again';
      case 'handover':
        return e.reason || '';
      default:
        return e.detail || '';
    }
  }

  function eventItem(e) {
    const li = el('li');
    li.dataset.type = e.type;
    li.appendChild(el('span', 'time', typeof e.at === 'string' ? e.at.substring(11, 23) : ''));
    li.appendChild(el('span', 'exchange', e.exchange));
    li.appendChild(el('span', 'type type-' + (/^[a-z]+$/.test(e.type) ? e.type : 'other'), e.type));
    li.appendChild(el('span', 'message', eventText(e)));
    return li;
  }

  function render(state) {
    health.textContent = state.status;
    health.className = 'badge ' + (state.status === 'UP' ? 'up' : 'down');
    updated.textContent = 'updated ' + state.at.substring(11, 19) + ' UTC';
    feedsBox.replaceChildren(...state.feeds.map(feedCard));
    pricesBody.replaceChildren(...state.prices.map(priceRow));
    eventsList.replaceChildren(...state.events.map(eventItem));
  }

  const source = new EventSource('events');
  source.onopen = () => {
    connection.textContent = 'live';
  };
  source.onerror = () => {
    connection.textContent = 'reconnecting…';
  };
  source.onmessage = (message) => {
    render(JSON.parse(message.data));
  };
}());
