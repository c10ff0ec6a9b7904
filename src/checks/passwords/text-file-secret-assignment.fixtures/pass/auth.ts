export interface Login {
  user: string;
  password: string;
}

const fields = { password: 'password', token: 'token' };
const tokenType = 'bearer';
const secretName = 'db-credentials';

export function login(password: string): Login {
  const label = password ? 'password' : 'secret';
  return { user: fields.token + label, password };
}
