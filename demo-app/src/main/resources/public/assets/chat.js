// The chat page: join a room over WS /ws/chat/{room}, show who is there, send and receive.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const joinForm = $('join');
  const sayForm = $('say');
  const log = $('log');
  const status = $('status');
  let socket = null;
  let me = null;
  let room = null;
  let presenceTimer = null;

  const params = new URLSearchParams(location.search);
  joinForm.name.value = params.get('name') || localStorage.getItem('strand-chat-name') || 'guest-' + Math.random().toString(16).slice(2, 6);
  joinForm.room.value = params.get('room') || joinForm.room.value;

  function line(className, parts) {
    const li = document.createElement('li');
    li.className = className;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    li.append(time, ...parts);
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.append(li);
    while (log.children.length > 500) log.firstElementChild.remove();
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function who(name) {
    const b = document.createElement('b');
    b.className = 'who';
    b.textContent = name;
    return b;
  }

  function showStatus(state) {
    status.dataset.state = state;
    status.textContent = { connecting: 'connecting', open: 'connected', reconnecting: 'reconnecting', closed: 'left' }[state];
  }

  // The member list comes from GET /api/chat/{room}; join and leave messages say when to ask again.
  function refreshPresence() {
    clearTimeout(presenceTimer);
    presenceTimer = setTimeout(async () => {
      try {
        const current = await Strand.json('/api/chat/' + encodeURIComponent(room));
        $('count').textContent = current.count;
        const people = $('people');
        people.replaceChildren(...current.users.map((name) => {
          const li = document.createElement('li');
          li.textContent = name === me ? name + ' (you)' : name;
          return li;
        }));
      } catch (e) {
        // The next join or leave asks again; a failed refresh only leaves the list as it was.
      }
    }, 50);
  }

  function onMessage(msg) {
    if (typeof msg !== 'object' || msg === null) return;
    switch (msg.type) {
      case 'join':
        line('system', [msg.user + (msg.user === me ? ' (you) joined' : ' joined')]);
        $('count').textContent = msg.count;
        refreshPresence();
        break;
      case 'leave':
        line('system', [msg.user + ' left']);
        $('count').textContent = msg.count;
        refreshPresence();
        break;
      case 'chat':
        line(msg.user === me ? 'mine' : '', [who(msg.user), document.createTextNode(msg.text)]);
        break;
      case 'error':
        line('error', [msg.message]);
        break;
    }
  }

  function join(name, roomName) {
    me = name;
    room = roomName;
    localStorage.setItem('strand-chat-name', name);
    history.replaceState(null, '', '?room=' + encodeURIComponent(room) + '&name=' + encodeURIComponent(name));
    $('room-name').textContent = room;
    log.replaceChildren();
    joinForm.classList.add('hidden');
    $('chat').classList.remove('hidden');
    status.classList.remove('hidden');
    socket = Strand.socket('/ws/chat/' + encodeURIComponent(room) + '?name=' + encodeURIComponent(name));
    socket.on('state', showStatus);
    socket.on('message', onMessage);
    // Reconnecting (or reloading) resumes after the last message seen; if the room no longer
    // keeps it, what it keeps follows, after this note.
    socket.on('gap', () => line('system', ['some messages from while you were away are gone']));
    socket.on('open', (info) => { if (info.reconnected) line('system', ['reconnected']); });
    socket.on('reconnecting', (info) => {
      if (info.attempt === 1) line('system', ['connection lost; reconnecting…']);
    });
    showStatus(socket.state);
    sayForm.text.focus();
  }

  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    join(joinForm.name.value.trim(), joinForm.room.value.trim());
  });

  sayForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = sayForm.text.value;
    if (!text.trim()) return;
    if (!socket.send(text)) line('system', ['you are offline; your message goes out when the connection is back']);
    sayForm.text.value = '';
  });

  $('leave').addEventListener('click', () => {
    socket.close();
    socket = null;
    history.replaceState(null, '', location.pathname);
    $('chat').classList.add('hidden');
    status.classList.add('hidden');
    joinForm.classList.remove('hidden');
  });

  if (params.get('room') && params.get('name')) join(joinForm.name.value, joinForm.room.value);
})();
