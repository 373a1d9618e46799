// The flows a first message can start, by id.
export const flowIds = {
  registerSystem: "register_ai_system",
  reportShadowAi: "report_shadow_ai",
  reportIncident: "report_incident",
} as const;
