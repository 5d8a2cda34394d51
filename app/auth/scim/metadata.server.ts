import { publicUrl } from "~/env.server";
import { LIST_SCHEMA, USER_SCHEMA } from "./scim.schema";

// RFC 7643 §5-7: what this service provider supports, so clients need not guess.
const list = (resources: unknown[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
const base = () => `${publicUrl()}/scim/v2`;

export const serviceProviderConfig = () => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "Bearer token",
      description: "A token an admin creates on Panel's Single sign-on page.",
      primary: true,
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: `${base()}/ServiceProviderConfig` },
});

const userResourceType = () => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
  id: "User",
  name: "User",
  endpoint: "/Users",
  schema: USER_SCHEMA,
  meta: { resourceType: "ResourceType", location: `${base()}/ResourceTypes/User` },
});

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: "string",
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

const userSchema = () => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id: USER_SCHEMA,
  name: "User",
  description: "A Panel user; the attributes Panel keeps.",
  attributes: [
    attribute("userName", { required: true, uniqueness: "server", description: "The user's email address." }),
    attribute("displayName"),
    attribute("externalId", { caseExact: true }),
    {
      ...attribute("name", { type: "complex" }),
      subAttributes: [attribute("formatted"), attribute("givenName"), attribute("familyName")],
    },
    {
      ...attribute("emails", { type: "complex", multiValued: true }),
      subAttributes: [attribute("value"), attribute("type"), attribute("primary", { type: "boolean" })],
    },
    attribute("active", { type: "boolean" }),
  ],
  meta: { resourceType: "Schema", location: `${base()}/Schemas/${USER_SCHEMA}` },
});

export const resourceTypes = () => list([userResourceType()]);
export const schemas = () => list([userSchema()]);
