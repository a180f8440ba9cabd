// The poll page: votes go in with POST /api/poll/{id}/vote; results come back over SSE /sse/poll/{id}.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const id = new URLSearchParams(location.search).get('id') || 'demo';
  const path = encodeURIComponent(id);
  let shown = -1;  // the version on screen; results from before it are old news
  let noticeTimer = null;

  $('poll-id').textContent = id;
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(id)) {
    notice('A poll name is 1 to 64 letters, digits, ".", "_" or "-".');
    $('status').dataset.state = 'closed';
    $('status').textContent = 'not connected';
    return;
  }

  function notice(text) {
    $('notice').textContent = text;
    $('notice').classList.remove('hidden');
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => $('notice').classList.add('hidden'), 5000);
  }

  function show(results) {
    if (results.version < shown) return;
    shown = results.version;
    $('question').textContent = results.question;
    document.title = results.question + ' · Strand demo';
    $('total').textContent = results.total;
    const list = $('options');
    if (list.children.length !== results.options.length) list.replaceChildren(...results.options.map(optionItem));
    results.options.forEach((option, i) => {
      const button = list.children[i].firstElementChild;
      const share = results.total ? option.votes / results.total : 0;
      button.querySelector('.name').textContent = option.name;
      button.querySelector('.votes').textContent = option.votes + (results.total ? ' · ' + Math.round(share * 100) + '%' : '');
      button.querySelector('.bar').style.width = (share * 100).toFixed(1) + '%';
      button.dataset.votes = option.votes;
    });
  }

  function optionItem(option, index) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'option';
    const bar = document.createElement('span');
    bar.className = 'bar';
    const name = document.createElement('span');
    name.className = 'name';
    const votes = document.createElement('span');
    votes.className = 'votes';
    button.append(bar, name, votes);
    button.addEventListener('click', () => vote(index, button));
    li.append(button);
    return li;
  }

  async function vote(index, button) {
    button.disabled = true;
    try {
      show(await Strand.json('/api/poll/' + path + '/vote', { body: { option: index } }));
    } catch (e) {
      notice('Your vote did not count: ' + e.message);
    } finally {
      button.disabled = false;
    }
  }

  const results = Strand.events('/sse/poll/' + path);
  // Every stream starts with the whole results, which may be older than what is on screen when
  // the server started afresh; they win all the same.
  results.on('open', () => { shown = -1; });
  results.on('results', show);
  results.on('state', (state) => {
    $('status').dataset.state = state;
    $('status').textContent = { connecting: 'connecting', open: 'live', reconnecting: 'reconnecting', closed: 'closed' }[state];
  });

  $('create').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    const options = form.options.value.split('\n').map((o) => o.trim()).filter((o) => o);
    try {
      const made = await Strand.json('/api/poll', { body: { question: form.question.value, options } });
      location.search = '?id=' + encodeURIComponent(made.id);
    } catch (err) {
      notice(err.message);
    }
  });
})();
