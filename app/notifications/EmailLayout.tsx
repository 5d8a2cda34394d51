import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

// One layout for every message Panel sends: a heading, a few lines, one button, and the
// optional links (mute, settings) in the footer. Rendered to HTML and to plain text.
export type EmailContent = {
  preview: string;
  heading: string;
  lines: string[];
  action?: { label: string; url: string };
  footer?: { label: string; url: string }[];
};

const body = {
  backgroundColor: "#f6f7f9",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  color: "#1b1f24",
};
const card = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px",
  maxWidth: "560px",
  borderRadius: "8px",
};
const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "6px",
  fontWeight: 600,
};

export function EmailLayout({ preview, heading, lines, action, footer = [] }: EmailContent) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {heading}
          </Heading>
          {lines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
          {action ? (
            <Section style={{ margin: "16px 0" }}>
              <Button href={action.url} style={button}>
                {action.label}
              </Button>
              <Text style={{ fontSize: "12px", color: "#57606a" }}>{action.url}</Text>
            </Section>
          ) : null}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#57606a" }}>
            Sent by Panel.{" "}
            {footer.map((link) => (
              <span key={link.url}>
                <Link href={link.url}>{link.label}</Link>{" "}
              </span>
            ))}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
