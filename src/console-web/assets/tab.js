/*
 * The Teams tab of the network console (served by Wegwijs; the Teams JS library beside it comes
 * from the pinned npm package, never a CDN). As the channel tab's configure page it saves the tab;
 * otherwise it asks Teams for the user's SSO token and exchanges it at /console/sso for the
 * console's session cookie. Any failure goes to a page that says what to do, in words.
 */
(function () {
  'use strict';
  var mode = document.body.getAttribute('data-mode');
  var teams = window.microsoftTeams;
  function fail(code) {
    window.location.replace('/console/tab/signin?code=' + encodeURIComponent(code));
  }
  if (!teams || !teams.app) return fail('sso_no_teams');
  teams.app.initialize().then(
    function () {
      if (mode === 'configure') return configure();
      return signIn();
    },
    function () {
      fail('sso_no_teams');
    },
  );

  function configure() {
    var base = window.location.origin + '/console';
    teams.pages.config.registerOnSaveHandler(function (save) {
      teams.pages.config
        .setConfig({ entityId: 'wegwijs-console', contentUrl: base + '/tab?context=channel', websiteUrl: base + '/', suggestedDisplayName: 'Wegwijs' })
        .then(
          function () {
            save.notifySuccess();
          },
          function (err) {
            save.notifyFailure(String(err));
          },
        );
    });
    teams.pages.config.setValidityState(true);
  }

  function signIn() {
    var lang = 'nl';
    return teams.app
      .getContext()
      .then(function (context) {
        var locale = (context && context.app && context.app.locale) || '';
        if (/^en/i.test(locale)) lang = 'en';
      }, function () {})
      .then(function () {
        return teams.authentication.getAuthToken();
      })
      .then(
        function (token) {
          return window
            .fetch('/console/sso', {
              method: 'POST',
              credentials: 'same-origin',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ token: token, lang: lang }),
            })
            .then(function (res) {
              return res.json().then(function (data) {
                if (res.ok && data && typeof data.next === 'string' && data.next.indexOf('/console') === 0) window.location.replace(data.next);
                else fail((data && data.code) || 'sso_invalid');
              });
            })
            .catch(function () {
              fail('sso_unavailable');
            });
        },
        function () {
          fail('sso_no_token');
        },
      );
  }
})();
