/**
 * Every JSON Schema of `schemas/`, bundled at build time (the core does no I/O): esbuild inlines
 * the JSON, `resolveJsonModule` types it. Keys are paths relative to `schemas/`.
 */
import networkPolicy from '../../../../schemas/networkpolicy.schema.json';
import securityGroupPolicy from '../../../../schemas/securitygrouppolicy.schema.json';
import eniConfig from '../../../../schemas/eniconfig.schema.json';
import targetGroupBinding from '../../../../schemas/targetgroupbinding.schema.json';
import ingressClassParams from '../../../../schemas/ingressclassparams.schema.json';
import ingressClass from '../../../../schemas/ingressclass.schema.json';
import actions from '../../../../schemas/annotations/actions.schema.json';
import authIdpCognito from '../../../../schemas/annotations/auth-idp-cognito.schema.json';
import authIdpOidc from '../../../../schemas/annotations/auth-idp-oidc.schema.json';
import conditions from '../../../../schemas/annotations/conditions.schema.json';
import jwtValidation from '../../../../schemas/annotations/jwt-validation.schema.json';
import listenPorts from '../../../../schemas/annotations/listen-ports.schema.json';
import mutualAuthentication from '../../../../schemas/annotations/mutual-authentication.schema.json';
import podEni from '../../../../schemas/annotations/pod-eni.schema.json';
import serviceActions from '../../../../schemas/annotations/service-actions.schema.json';
import transforms from '../../../../schemas/annotations/transforms.schema.json';

/** A JSON Schema document (draft-07), as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/** Object schemas: one per kind, chosen by kind and `x-eksnet-apiVersions` (see schemas/README.md). */
export const OBJECT_SCHEMA_FILES: ReadonlyMap<string, JsonSchema> = new Map<string, JsonSchema>([
  ['networkpolicy.schema.json', networkPolicy],
  ['securitygrouppolicy.schema.json', securityGroupPolicy],
  ['eniconfig.schema.json', eniConfig],
  ['targetgroupbinding.schema.json', targetGroupBinding],
  ['ingressclassparams.schema.json', ingressClassParams],
  ['ingressclass.schema.json', ingressClass],
]);

/** Schemas of JSON-valued annotations (`AnnotationSpec.schemaFile` names them without the folder). */
export const ANNOTATION_SCHEMA_FILES: ReadonlyMap<string, JsonSchema> = new Map<string, JsonSchema>([
  ['actions.schema.json', actions],
  ['auth-idp-cognito.schema.json', authIdpCognito],
  ['auth-idp-oidc.schema.json', authIdpOidc],
  ['conditions.schema.json', conditions],
  ['jwt-validation.schema.json', jwtValidation],
  ['listen-ports.schema.json', listenPorts],
  ['mutual-authentication.schema.json', mutualAuthentication],
  ['pod-eni.schema.json', podEni],
  ['service-actions.schema.json', serviceActions],
  ['transforms.schema.json', transforms],
]);

/** A schema by its path under `schemas/`: `networkpolicy.schema.json` or `annotations/listen-ports.schema.json`. */
export function schemaFile(file: string): JsonSchema | undefined {
  if (file.startsWith('annotations/')) return ANNOTATION_SCHEMA_FILES.get(file.slice('annotations/'.length));
  return OBJECT_SCHEMA_FILES.get(file) ?? ANNOTATION_SCHEMA_FILES.get(file);
}

/** The object schema that applies to a kind at an apiVersion (undefined for other versions). */
export function objectSchemaFor(kind: string, apiVersion: string): { readonly file: string; readonly schema: JsonSchema } | undefined {
  for (const [file, schema] of OBJECT_SCHEMA_FILES) {
    if (schema['x-eksnet-kind'] !== kind) continue;
    const versions = schema['x-eksnet-apiVersions'];
    if (Array.isArray(versions) && versions.includes(apiVersion)) return { file, schema };
  }
  return undefined;
}
