// Renders the OpenAPI document with Swagger UI, loaded by the script before this one. A file of its
// own because the page's Content-Security-Policy allows no inline script.
/* global SwaggerUIBundle */
SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  // The validator badge would send the document to a third-party host.
  validatorUrl: null,
});
