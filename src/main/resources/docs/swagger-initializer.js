// Swagger UI over this service's own OpenAPI document, found relative to this page (at <prefix>/docs)
// so that it works behind a proxy's path prefix too. The document's `servers` entry is that prefix
// ("/" when there is none) on the page's own origin, so "Try it out" calls the service the page came from. No top bar (it would load any document typed into it), no
// calls to the online validator, and the token is kept only while the page is open.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "api/v2/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    queryConfigEnabled: false,
    persistAuthorization: false,
  });
};
