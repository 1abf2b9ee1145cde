// Keeps the sign-in session alive while the person uses the page, and only then: a page that only talks to the server
// over its live connection makes no HTTP requests, so the session's idle timeout would run out under an active user.
// At most one ping a minute, and none while nobody touches the page (then the session ends after the idle time).
(() => {
  let active = false;
  const mark = () => { active = true; };
  ['mousedown', 'keydown', 'wheel', 'touchstart', 'pointermove'].forEach(name =>
    document.addEventListener(name, mark, { passive: true, capture: true }));
  setInterval(async () => {
    if (!active || location.pathname.startsWith('/account/')) {
      return;
    }
    active = false;
    try {
      const response = await fetch('account/keepalive', { method: 'POST', credentials: 'same-origin' });
      if (response.status === 401) {
        location.href = 'account/login?expired=idle';
      }
    } catch {
      // offline: the reconnect notice tells the person
    }
  }, 60000);
})();
