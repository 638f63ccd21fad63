/** A RAM policy document as Alibaba Cloud accepts it (RAM/session policies carry no Principal). */
export type ConditionValue = string | number | boolean;
export type ConditionBlock = Record<string, Record<string, ConditionValue | ConditionValue[]>>;

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

/** What one request asks for; condition keys are matched case-insensitively. */
export interface AccessRequest {
  action: string;
  resource: string;
  context: Record<string, string | undefined>;
}

export type Decision = 'allow' | 'deny' | 'implicit-deny';
