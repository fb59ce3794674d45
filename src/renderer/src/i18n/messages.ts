// Types derived from the English dictionary: its keys are the message keys, and the `{name}` placeholders in
// each English string are the params `t()` demands for that key — a missing param is a type error.
import type { en } from './en';

export type Language = 'en' | 'zh-CN';
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type ParamsOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;

export type ParamValue = string | number;

export type TFunction = <K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, ParamValue>]
) => string;
