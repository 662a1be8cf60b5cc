/**
 * The API's own description: the OpenAPI document at /api/v1/openapi.json, and /api/docs, that
 * document rendered by Swagger UI, served from node_modules under the app's Content-Security-
 * Policy (the page and its initialiser, public/api-docs/, hold no inline script or style). Only
 * the files the page loads are served, not the package's demo pages. Mounted at /api.
 */
import { Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../paths.js';
import { openApiDocument } from './openapi.js';

const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

export function apiDocsRouter(): Router {
  const router = Router();
  router.get('/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.sendFile(join(projectRoot, 'public', 'api-docs', 'index.html'));
  });
  for (const file of ASSETS) {
    router.get(`/docs/${file}`, (_req, res) => {
      // A released package's files hold no patient data: they may be cached, unlike the pages.
      res.removeHeader('Cache-Control');
      res.sendFile(join(SWAGGER_UI, file), { maxAge: '1d' });
    });
  }
  return router;
}
