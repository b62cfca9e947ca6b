// The console's own script (the CSP allows no other): htmx's CSRF header, the browser's time zone, local times,
// copy buttons, confirmations and charts. Everything works without it but the charts and the copy buttons.
(function () {
  "use strict";

  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  if (document.cookie.indexOf("tz=" + encodeURIComponent(zone)) < 0) {
    document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  }

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (element) {
      var date = new Date(element.getAttribute("datetime"));
      if (!isNaN(date)) {
        element.title = date.toISOString();
        element.textContent = date.toLocaleString(undefined, {
          year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit"
        });
      }
    });
  }

  function copyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var target = document.getElementById(button.getAttribute("data-copy"));
        var text = target.value !== undefined ? target.value : target.textContent;
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done);
        } else {
          target.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  }

  function confirmations(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });
  }

  function charts(root) {
    if (!window.ConsoleCharts) {
      return;
    }
    root.querySelectorAll("[data-chart]").forEach(window.ConsoleCharts.draw);
  }

  function enhance(root) {
    localTimes(root);
    copyButtons(root);
    confirmations(root);
    charts(root);
  }

  // An image whose link from Meta has expired (they do after a while) becomes a placeholder that says so.
  document.addEventListener("error", function (event) {
    var image = event.target;
    if (image.tagName === "IMG" && image.hasAttribute("data-expired")) {
      var placeholder = document.createElement("span");
      placeholder.className = "expired";
      placeholder.textContent = image.getAttribute("data-expired");
      image.replaceWith(placeholder);
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) {
    if (event.target !== document.body) {
      enhance(event.target);
    }
  });
})();
