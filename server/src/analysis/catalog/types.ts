/**
 * The shape of one annotation (or label) description. Every annotation the product knows is
 * described exactly once with this type; validation, completion, hover and the generated docs
 * all read it. Texts are ours (written for users), facts come from the controllers' sources.
 */

/** How the controller parses the value (see the parsing rules in ARCHITECTURE.md). */
export type AnnotationValueType =
  | 'string'
  | 'boolean' // strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False
  | 'integer' // strconv.ParseInt base 10, no spaces, no units
  | 'stringList' // comma separated, items trimmed, empty items dropped
  | 'stringMap' // k=v,k2=v2 ; `\` escapes the next character
  | 'json'; // encoding/json; schema in schemas/annotations/<schemaFile>

/** Which component reads the key. */
export type AnnotationReader =
  | 'aws-load-balancer-controller'
  | 'in-tree' // the legacy in-tree / cloud-controller-manager AWS provider
  | 'both'
  | 'vpc-resource-controller'
  | 'amazon-vpc-cni'
  | 'kubernetes'
  | 'none';

/** Object kinds an annotation may be placed on. */
export type AnnotatedKind =
  | 'Ingress'
  | 'Service'
  | 'Pod' // also the pod template of workloads (Deployment, StatefulSet, ...)
  | 'Node'
  | 'Namespace'
  | 'TargetGroupBinding'
  | 'IngressClass';

/** One well-known key of a `stringMap` value (e.g. a load balancer attribute). */
export interface MapKeySpec {
  readonly key: string;
  /** One line, our own words. */
  readonly summary?: string;
  /** How the value of this entry is interpreted. */
  readonly valueType?: 'string' | 'boolean' | 'integer';
  /** Allowed values of this entry (case-sensitive). */
  readonly enum?: readonly string[];
  /** Inclusive numeric range of the entry's value. */
  readonly min?: number;
  readonly max?: number;
  /** Who rejects a bad value: the controller (reconcile error) or the AWS API (deploy-time error). */
  readonly enforcedBy?: 'controller' | 'aws';
}

export interface AnnotationSpec {
  /** Full key, e.g. `alb.ingress.kubernetes.io/scheme`. Dynamic keys use `${...}` placeholders. */
  readonly key: string;
  /** For dynamic keys: a regular expression (source text) that matches every concrete key. */
  readonly keyPattern?: string;
  /** Annotation or label. */
  readonly metaKind: 'annotation' | 'label';
  /** Kinds the key takes effect on. */
  readonly kinds: readonly AnnotatedKind[];
  readonly reader: AnnotationReader;
  readonly type: AnnotationValueType;
  /** Allowed values for enum-like strings. */
  readonly enum?: readonly string[];
  /** Our own words, one or two sentences per value: what choosing this value means (hover, completion). */
  readonly valueDocs?: Readonly<Record<string, string>>;
  /** Enum comparison; defaults to true (the controllers compare case-sensitively). */
  readonly caseSensitive?: boolean;
  /**
   * Regular expression (source text) a value (or each list item / map value, see `patternAppliesTo`)
   * must match.
   */
  readonly pattern?: string;
  /** A short human name for the pattern, used in messages: "an ACM or IAM certificate ARN". */
  readonly patternName?: string;
  readonly patternAppliesTo?: 'value' | 'item' | 'mapValue';
  /**
   * `stringMap` only: well-known keys of the map (completion, hover, per-entry checks). Not a closed
   * list unless `mapKeysExhaustive` is true, so unknown keys should at most produce a hint.
   */
  readonly mapKeys?: readonly MapKeySpec[];
  /** True when the reader rejects any map key not listed in `mapKeys`. */
  readonly mapKeysExhaustive?: boolean;
  /** Individual enum values that still work but are deprecated (the key itself is not). */
  readonly deprecatedValues?: readonly {
    readonly value: string;
    readonly replacement?: string;
    /** Our own words: why, and what to do instead. */
    readonly message: string;
  }[];
  /** Inclusive numeric range for integers (or the length for strings when `rangeUnit` is 'characters'). */
  readonly min?: number;
  readonly max?: number;
  readonly rangeUnit?: 'characters' | 'seconds' | 'count';
  /** Who enforces the range: the controller rejects, or the AWS API rejects at deploy time. */
  readonly rangeEnforcedBy?: 'controller' | 'aws';
  /** Default value as the controller applies it, in the annotation's string form. */
  readonly default?: string;
  /** IngressGroup behaviour: `exclusive` = every member must agree; `merge` = members' values are merged. */
  readonly groupMerge?: 'exclusive' | 'merge';
  /** Controller version that introduced the key, e.g. `v2.4.0`. */
  readonly since?: string;
  /** Set when the key is deprecated or has no effect. */
  readonly deprecated?: {
    /** Key that replaces it (when there is one). */
    readonly replacement?: string;
    /** Our own words: why, and what to do instead. */
    readonly message: string;
  };
  /** IngressClassParams field that overrides the annotation, e.g. `spec.scheme`. */
  readonly overriddenByClassParam?: string;
  /** JSON-valued keys: file name under schemas/annotations/, e.g. `listen-ports.schema.json`. */
  readonly schemaFile?: string;
  /** For keys that only the controller writes (users must not set them). */
  readonly writtenBy?: string;
  /** One line, our own words: what the key does. Shown in completion lists. */
  readonly summary: string;
  /** Markdown, our own words: longer explanation shown in hover and docs (values, caveats). */
  readonly doc: string;
  /** Short examples of valid values (annotation string form). */
  readonly examples?: readonly string[];
  /** Link to the controller's documentation for this key. */
  readonly docsUrl?: string;
}
