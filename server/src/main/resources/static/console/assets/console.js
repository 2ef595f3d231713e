// The console's little script: asks before destructive actions and updates the webview preview as
// the branding form changes. Every page works without it.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  function updatePreview(form, frame) {
    var params = new URLSearchParams();
    var fields = {name: "name", displayName: "display_name", logoUrl: "logo_url", primaryColor: "primary_color",
                  consentText: "consent_text", privacyUrl: "privacy_url"};
    Object.keys(fields).forEach(function (field) {
      var input = form.elements.namedItem(field);
      if (input && input.value) {
        params.set(fields[field], input.value);
      }
    });
    var lang = document.documentElement.getAttribute("lang");
    if (lang) {
      params.set("lang", lang);
    }
    frame.src = frame.getAttribute("data-base") + "?" + params.toString();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("preview");
    var form = document.getElementById("client-form");
    if (!frame || !form) {
      return;
    }
    var timer = null;
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { updatePreview(form, frame); }, 300);
    });
  });
}());
