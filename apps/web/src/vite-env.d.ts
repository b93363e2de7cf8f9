/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `false` hides the demo accounts on the login page. */
  readonly VITE_DEMO_LOGINS?: string;
}
