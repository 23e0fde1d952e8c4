// Passkeys (WebAuthn) against Spring Security's endpoints: the same requests as its own
// webauthn.js, as a file of our own because the pages' CSP allows no inline script.
// Buttons: #passkey-login (second factor after the password), #passkey-register (with
// #passkey-label). The CSRF token comes from the page's meta tags.
"use strict";
(function () {
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const base = document.querySelector('meta[name="_context"]').content.replace(/\/$/, "");

  function decode(text) {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const raw = atob(b64 + "===".slice((b64.length + 3) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer;
  }

  function encode(buffer) {
    const bytes = new Uint8Array(buffer);
    let raw = "";
    bytes.forEach((b) => { raw += String.fromCharCode(b); });
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function post(path, body) {
    const headers = { "Content-Type": "application/json" };
    headers[csrfHeader] = csrfToken;
    const response = await fetch(base + path, {
      method: "POST", headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  async function login() {
    const options = await post("/webauthn/authenticate/options");
    options.challenge = decode(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: decode(c.id) }));
    const cred = await navigator.credentials.get({ publicKey: options });
    const answer = await post("/login/webauthn", {
      id: cred.id,
      rawId: encode(cred.rawId),
      type: cred.type,
      response: {
        authenticatorData: encode(cred.response.authenticatorData),
        clientDataJSON: encode(cred.response.clientDataJSON),
        signature: encode(cred.response.signature),
        userHandle: cred.response.userHandle ? encode(cred.response.userHandle) : undefined,
      },
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment,
    });
    window.location.href = answer.redirectUrl;
  }

  async function register(label) {
    const options = await post("/webauthn/register/options");
    options.challenge = decode(options.challenge);
    options.user = { ...options.user, id: decode(options.user.id) };
    options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: decode(c.id) }));
    const cred = await navigator.credentials.create({ publicKey: options });
    await post("/webauthn/register", {
      publicKey: {
        credential: {
          id: cred.id,
          rawId: encode(cred.rawId),
          type: cred.type,
          response: {
            attestationObject: encode(cred.response.attestationObject),
            clientDataJSON: encode(cred.response.clientDataJSON),
            transports: cred.response.getTransports ? cred.response.getTransports() : [],
          },
          clientExtensionResults: cred.getClientExtensionResults(),
          authenticatorAttachment: cred.authenticatorAttachment,
        },
        label: label,
      },
    });
    window.location.reload();
  }

  function failed(error) {
    const message = document.getElementById("passkey-error");
    if (message) {
      message.hidden = false;
    }
    console.warn("passkey:", error);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const loginButton = document.getElementById("passkey-login");
    if (loginButton) {
      loginButton.addEventListener("click", () => login().catch(failed));
    }
    const registerButton = document.getElementById("passkey-register");
    if (registerButton) {
      registerButton.addEventListener("click", () => {
        const label = document.getElementById("passkey-label").value.trim();
        if (label) {
          register(label).catch(failed);
        }
      });
    }
  });
})();
