declare const EKSNET_VERSION: string | undefined;

/** The product version, injected by the bundler from package.json. */
export const VERSION: string = typeof EKSNET_VERSION === 'string' ? EKSNET_VERSION : '0.0.0-dev';
