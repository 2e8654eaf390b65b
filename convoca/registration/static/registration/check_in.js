/* The check-in page's camera: scans a badge's QR code and submits the code, as staff typing it
   would. Without JavaScript or a camera the page works by typing. Uses the browser's own
   BarcodeDetector where there is one; otherwise loads the vendored jsQR decoder, only now. */
(function () {
  "use strict";
  var form = document.getElementById("check-in-form");
  var button = document.getElementById("camera-button");
  var box = document.getElementById("camera");
  var video = document.getElementById("camera-video");
  var status = document.getElementById("camera-status");
  if (!form || !button || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var input = form.querySelector("input[name=code]");
  var script = document.currentScript || document.querySelector("script[data-decoder]");
  var decoderUrl = script && script.getAttribute("data-decoder");
  var stream = null;
  var last = "";
  var lastAt = 0;
  button.hidden = false;

  form.addEventListener("htmx:afterRequest", function () {
    form.reset();
    input.focus();
  });

  function submit(code) {
    var now = Date.now();
    if (code === last && now - lastAt < 4000) return; // the same badge still in front of the lens
    last = code;
    lastAt = now;
    input.value = code;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  function loadJsQR() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) return resolve(window.jsQR);
      var tag = document.createElement("script");
      tag.src = decoderUrl;
      tag.onload = function () { resolve(window.jsQR); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function nativeDetector() {
    if (!("BarcodeDetector" in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    }).catch(function () { return null; });
  }

  function scanLoop(detect) {
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", { willReadFrequently: true });
    function tick() {
      if (!stream) return;
      if (video.readyState >= 2) {
        detect(video, canvas, context).then(function (code) {
          if (code) submit(code);
          window.setTimeout(tick, 250);
        });
      } else {
        window.setTimeout(tick, 250);
      }
    }
    tick();
  }

  button.addEventListener("click", function () {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      box.hidden = true;
      return;
    }
    box.hidden = false;
    status.textContent = button.getAttribute("data-starting") || "…";
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        return video.play();
      })
      .then(nativeDetector)
      .then(function (detector) {
        status.textContent = "";
        if (detector) {
          return scanLoop(function (frame) {
            return detector.detect(frame).then(function (codes) {
              return codes.length ? codes[0].rawValue : null;
            }).catch(function () { return null; });
          });
        }
        return loadJsQR().then(function (jsQR) {
          scanLoop(function (frame, canvas, context) {
            canvas.width = frame.videoWidth;
            canvas.height = frame.videoHeight;
            context.drawImage(frame, 0, 0, canvas.width, canvas.height);
            var image = context.getImageData(0, 0, canvas.width, canvas.height);
            var found = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
            return Promise.resolve(found ? found.data : null);
          });
        });
      })
      .catch(function (error) {
        status.textContent = error && error.name === "NotAllowedError"
          ? (button.getAttribute("data-denied") || "")
          : (button.getAttribute("data-unavailable") || "");
      });
  });
})();
